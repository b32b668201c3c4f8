using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tinjau.UnitRegistry.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class EvaluationResults : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "unit_evaluation_results",
                columns: table => new
                {
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    period = table.Column<int>(type: "integer", nullable: false),
                    evaluation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    mandiri = table.Column<bool>(type: "boolean", nullable: false),
                    ipp = table.Column<decimal>(type: "numeric(4,2)", precision: 4, scale: 2, nullable: false),
                    category = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    category_label = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    finalized_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_unit_evaluation_results", x => new { x.unit_id, x.period });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "unit_evaluation_results");
        }
    }
}
