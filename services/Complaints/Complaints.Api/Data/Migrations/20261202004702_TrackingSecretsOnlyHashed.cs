using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tinjau.Complaints.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class TrackingSecretsOnlyHashed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "TrackingSecret",
                table: "intake_requests");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "TrackingSecret",
                table: "intake_requests",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);
        }
    }
}
