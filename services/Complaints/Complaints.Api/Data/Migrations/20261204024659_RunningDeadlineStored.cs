using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tinjau.Complaints.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class RunningDeadlineStored : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RunningDeadline",
                table: "complaints",
                type: "timestamp with time zone",
                nullable: true,
                computedColumnSql: "CASE\n    WHEN \"Status\" IN ('Menunggu', 'Koordinasi') AND \"DisposedAt\" IS NULL THEN \"VerificationDueAt\"\n    WHEN \"Status\" IN ('Koordinasi', 'Disposisi', 'Proses') AND \"AnsweredAt\" IS NULL THEN \"FollowUpDueAt\"\n    WHEN \"Status\" = 'Proses' THEN \"AutoCloseAt\"\nEND",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "IX_complaints_Category_FiledAt_Latitude_Longitude",
                table: "complaints",
                columns: new[] { "Category", "FiledAt", "Latitude", "Longitude" });

            migrationBuilder.CreateIndex(
                name: "IX_complaints_RunningDeadline_FiledAt",
                table: "complaints",
                columns: new[] { "RunningDeadline", "FiledAt" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "IX_complaints_UnitId_RunningDeadline_FiledAt",
                table: "complaints",
                columns: new[] { "UnitId", "RunningDeadline", "FiledAt" },
                descending: new[] { false, false, true });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_complaints_Category_FiledAt_Latitude_Longitude",
                table: "complaints");

            migrationBuilder.DropIndex(
                name: "IX_complaints_RunningDeadline_FiledAt",
                table: "complaints");

            migrationBuilder.DropIndex(
                name: "IX_complaints_UnitId_RunningDeadline_FiledAt",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "RunningDeadline",
                table: "complaints");
        }
    }
}
