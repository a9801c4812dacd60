using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gateway.Requests.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AgencyStatus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "agency_status",
                table: "service_requests",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            // Until now the poller kept each filed request at what the agency's system last said: take that as its report.
            migrationBuilder.Sql("UPDATE service_requests SET agency_status = status WHERE dispatch = 'Filed'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "agency_status",
                table: "service_requests");
        }
    }
}
