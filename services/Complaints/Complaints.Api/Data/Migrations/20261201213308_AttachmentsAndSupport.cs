using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tinjau.Complaints.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class AttachmentsAndSupport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "complaint_attachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ComplaintId = table.Column<Guid>(type: "uuid", nullable: false),
                    ContentType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Width = table.Column<int>(type: "integer", nullable: false),
                    Height = table.Column<int>(type: "integer", nullable: false),
                    AddedBy = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_complaint_attachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_complaint_attachments_complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "complaint_supports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ComplaintId = table.Column<Guid>(type: "uuid", nullable: false),
                    CitizenSubject = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    SupporterKeyHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_complaint_supports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_complaint_supports_complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "complaint_attachment_contents",
                columns: table => new
                {
                    AttachmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_complaint_attachment_contents", x => x.AttachmentId);
                    table.ForeignKey(
                        name: "FK_complaint_attachment_contents_complaint_attachments_Attachm~",
                        column: x => x.AttachmentId,
                        principalTable: "complaint_attachments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_complaint_attachments_ComplaintId",
                table: "complaint_attachments",
                column: "ComplaintId");

            migrationBuilder.CreateIndex(
                name: "IX_complaint_supports_CitizenSubject",
                table: "complaint_supports",
                column: "CitizenSubject");

            migrationBuilder.CreateIndex(
                name: "IX_complaint_supports_ComplaintId_CitizenSubject",
                table: "complaint_supports",
                columns: new[] { "ComplaintId", "CitizenSubject" },
                unique: true,
                filter: "\"CitizenSubject\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_complaint_supports_ComplaintId_SupporterKeyHash",
                table: "complaint_supports",
                columns: new[] { "ComplaintId", "SupporterKeyHash" },
                unique: true,
                filter: "\"SupporterKeyHash\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "complaint_attachment_contents");

            migrationBuilder.DropTable(
                name: "complaint_supports");

            migrationBuilder.DropTable(
                name: "complaint_attachments");
        }
    }
}
