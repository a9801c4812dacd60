using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gateway.Catalogue.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CitizenAssurance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "citizen_assurance",
                table: "catalogue_services",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Any");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "citizen_assurance",
                table: "catalogue_services");
        }
    }
}
