using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tinjau.Evaluations.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class OmbudsmanChecklistPerYear : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_ombudsman_checklists",
                table: "ombudsman_checklists");

            migrationBuilder.AddColumn<int>(
                name: "year",
                table: "ombudsman_checklists",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // A checklist kept before counts for the year (in the city's time) it was last saved in.
            migrationBuilder.Sql("UPDATE ombudsman_checklists SET year = EXTRACT(YEAR FROM updated_at AT TIME ZONE 'Asia/Jakarta')::integer;");

            migrationBuilder.AddPrimaryKey(
                name: "pk_ombudsman_checklists",
                table: "ombudsman_checklists",
                columns: new[] { "unit_id", "year" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_ombudsman_checklists",
                table: "ombudsman_checklists");

            // One checklist per unit again: the latest year's.
            migrationBuilder.Sql("DELETE FROM ombudsman_checklists c WHERE EXISTS (SELECT 1 FROM ombudsman_checklists n WHERE n.unit_id = c.unit_id AND n.year > c.year);");

            migrationBuilder.DropColumn(
                name: "year",
                table: "ombudsman_checklists");

            migrationBuilder.AddPrimaryKey(
                name: "pk_ombudsman_checklists",
                table: "ombudsman_checklists",
                column: "unit_id");
        }
    }
}
