using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Gateway.Audit.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AuditTrail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_heads",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    last_sequence = table.Column<long>(type: "bigint", nullable: false),
                    hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    records = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_heads", x => x.day);
                });

            migrationBuilder.CreateTable(
                name: "audit_records",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor_subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    actor_role = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    actor_agency = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    actor_client = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    actor_address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    on_behalf_of = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    action = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    target_type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    target_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    summary = table.Column<string>(type: "text", nullable: true),
                    data_subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    recipient = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    trace_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    sequence = table.Column<long>(type: "bigint", nullable: true),
                    previous_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    sealed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_records", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_records_actor_subject_occurred_at",
                table: "audit_records",
                columns: new[] { "actor_subject", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_records_data_subject_occurred_at",
                table: "audit_records",
                columns: new[] { "data_subject", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_records_occurred_at",
                table: "audit_records",
                column: "occurred_at");

            migrationBuilder.CreateIndex(
                name: "ix_audit_records_sequence",
                table: "audit_records",
                column: "sequence",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_audit_records_target_type_target_id",
                table: "audit_records",
                columns: new[] { "target_type", "target_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_heads");

            migrationBuilder.DropTable(
                name: "audit_records");
        }
    }
}
