using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Gateway.Requests.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InitialRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "service_request_counters",
                columns: table => new
                {
                    agency_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    last = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_service_request_counters", x => new { x.agency_code, x.year });
                });

            migrationBuilder.CreateTable(
                name: "service_requests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tracking_number = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    service_slug = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    agency_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    adapter_name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    citizen_id = table.Column<Guid>(type: "uuid", nullable: false),
                    applicant_nik = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    applicant_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    applicant_email = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    applicant_phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    fields = table.Column<string>(type: "text", nullable: false),
                    idempotency_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    content_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    submitted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    completion_working_days = table.Column<int>(type: "integer", nullable: false),
                    due_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    overdue_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    dispatch = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    dispatch_attempts = table.Column<int>(type: "integer", nullable: false),
                    next_dispatch_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    external_reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    legacy_status = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    last_polled_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    problem = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    problem_since = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_service_requests", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "service_request_documents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    length = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    uploaded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    delivered_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_service_request_documents", x => x.id);
                    table.ForeignKey(
                        name: "fk_service_request_documents_service_requests_request_id",
                        column: x => x.request_id,
                        principalTable: "service_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "service_request_timeline",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_service_request_timeline", x => x.id);
                    table.ForeignKey(
                        name: "fk_service_request_timeline_service_requests_request_id",
                        column: x => x.request_id,
                        principalTable: "service_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_service_request_documents_request_id",
                table: "service_request_documents",
                column: "request_id");

            migrationBuilder.CreateIndex(
                name: "ix_service_request_timeline_request_id_at",
                table: "service_request_timeline",
                columns: new[] { "request_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_service_requests_adapter_name_dispatch_status",
                table: "service_requests",
                columns: new[] { "adapter_name", "dispatch", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_service_requests_agency_code_status_submitted_at",
                table: "service_requests",
                columns: new[] { "agency_code", "status", "submitted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_service_requests_citizen_id_idempotency_key",
                table: "service_requests",
                columns: new[] { "citizen_id", "idempotency_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_service_requests_citizen_id_submitted_at",
                table: "service_requests",
                columns: new[] { "citizen_id", "submitted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_service_requests_dispatch_next_dispatch_at",
                table: "service_requests",
                columns: new[] { "dispatch", "next_dispatch_at" });

            migrationBuilder.CreateIndex(
                name: "ix_service_requests_overdue_at_due_at",
                table: "service_requests",
                columns: new[] { "overdue_at", "due_at" });

            migrationBuilder.CreateIndex(
                name: "ix_service_requests_tracking_number",
                table: "service_requests",
                column: "tracking_number",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "service_request_counters");

            migrationBuilder.DropTable(
                name: "service_request_documents");

            migrationBuilder.DropTable(
                name: "service_request_timeline");

            migrationBuilder.DropTable(
                name: "service_requests");
        }
    }
}
