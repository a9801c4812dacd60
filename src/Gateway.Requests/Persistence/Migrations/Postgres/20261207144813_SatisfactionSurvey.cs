using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gateway.Requests.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SatisfactionSurvey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "satisfaction_survey_responses",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    service_slug = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    agency_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    u1 = table.Column<short>(type: "smallint", nullable: false),
                    u2 = table.Column<short>(type: "smallint", nullable: false),
                    u3 = table.Column<short>(type: "smallint", nullable: false),
                    u4 = table.Column<short>(type: "smallint", nullable: false),
                    u5 = table.Column<short>(type: "smallint", nullable: false),
                    u6 = table.Column<short>(type: "smallint", nullable: false),
                    u7 = table.Column<short>(type: "smallint", nullable: false),
                    u8 = table.Column<short>(type: "smallint", nullable: false),
                    u9 = table.Column<short>(type: "smallint", nullable: false),
                    suggestion = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    answered_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_satisfaction_survey_responses", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_satisfaction_survey_responses_answered_at_agency_code_servi",
                table: "satisfaction_survey_responses",
                columns: new[] { "answered_at", "agency_code", "service_slug" });

            migrationBuilder.CreateIndex(
                name: "ix_satisfaction_survey_responses_request_id",
                table: "satisfaction_survey_responses",
                column: "request_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "satisfaction_survey_responses");
        }
    }
}
