using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gateway.Complaints.Persistence.Migrations.Postgres
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
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    category = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    @class = table.Column<string>(name: "class", type: "character varying(20)", maxLength: 20, nullable: false),
                    subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    location = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    external_reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    citizen_id = table.Column<Guid>(type: "uuid", nullable: true),
                    reporter_contact = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    filed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    agency_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    routing_note = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    routed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    response_working_days = table.Column<int>(type: "integer", nullable: true),
                    response_due_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
