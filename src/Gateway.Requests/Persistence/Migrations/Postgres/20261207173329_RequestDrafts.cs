using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gateway.Requests.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RequestDrafts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "request_drafts",
                columns: table => new
                {
                    citizen_id = table.Column<Guid>(type: "uuid", nullable: false),
                    service_slug = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    answers = table.Column<string>(type: "text", nullable: false),
                    saved_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_request_drafts", x => new { x.citizen_id, x.service_slug });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "request_drafts");
        }
    }
}
