using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gateway.Complaints.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialComplaints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "complaints",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    category = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    @class = table.Column<string>(name: "class", type: "TEXT", maxLength: 20, nullable: false),
                    subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    location = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    external_reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    citizen_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    reporter_contact = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    filed_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    agency_code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    routing_note = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    routed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    response_working_days = table.Column<int>(type: "INTEGER", nullable: true),
                    response_due_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_complaints", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_complaints_agency_code_response_due_at",
                table: "complaints",
                columns: new[] { "agency_code", "response_due_at" });

            migrationBuilder.CreateIndex(
                name: "ix_complaints_status_filed_at",
                table: "complaints",
                columns: new[] { "status", "filed_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "complaints");
        }
    }
}
