using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gateway.Messaging.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SubscriptionOwnAgencyOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "own_agency_only",
                table: "event_subscriptions",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "own_agency_only",
                table: "event_subscriptions");
        }
    }
}
