using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gateway.Requests.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CitizenNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
