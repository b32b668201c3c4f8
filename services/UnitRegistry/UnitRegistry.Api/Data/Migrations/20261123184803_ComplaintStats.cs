using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tinjau.UnitRegistry.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class ComplaintStats : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "unit_complaint_stats",
                columns: table => new
                {
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    received = table.Column<int>(type: "integer", nullable: false),
                    handed_on = table.Column<int>(type: "integer", nullable: false),
                    resolved = table.Column<int>(type: "integer", nullable: false),
                    resolved_within_sla = table.Column<int>(type: "integer", nullable: false),
                    sla_breaches = table.Column<int>(type: "integer", nullable: false),
                    ratings = table.Column<int>(type: "integer", nullable: false),
                    rating_sum = table.Column<int>(type: "integer", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_unit_complaint_stats", x => x.unit_id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "unit_complaint_stats");
        }
    }
}
