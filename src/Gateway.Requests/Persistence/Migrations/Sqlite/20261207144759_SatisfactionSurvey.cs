using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gateway.Requests.Persistence.Migrations.Sqlite
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
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    request_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    service_slug = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    agency_code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    u1 = table.Column<short>(type: "INTEGER", nullable: false),
                    u2 = table.Column<short>(type: "INTEGER", nullable: false),
                    u3 = table.Column<short>(type: "INTEGER", nullable: false),
                    u4 = table.Column<short>(type: "INTEGER", nullable: false),
                    u5 = table.Column<short>(type: "INTEGER", nullable: false),
                    u6 = table.Column<short>(type: "INTEGER", nullable: false),
                    u7 = table.Column<short>(type: "INTEGER", nullable: false),
                    u8 = table.Column<short>(type: "INTEGER", nullable: false),
                    u9 = table.Column<short>(type: "INTEGER", nullable: false),
                    suggestion = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    answered_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_satisfaction_survey_responses", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_satisfaction_survey_responses_answered_at_agency_code_service_slug",
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
