using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gateway.Catalogue.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ExposureQuota : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "quota_per_address_per_minute",
                table: "catalogue_exposures",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "quota_per_client_per_minute",
                table: "catalogue_exposures",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "quota_per_address_per_minute",
                table: "catalogue_exposures");

            migrationBuilder.DropColumn(
                name: "quota_per_client_per_minute",
                table: "catalogue_exposures");
        }
    }
}
