using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gateway.Messaging.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WebhookClaims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DeleteData(
                table: "messaging_leases",
                keyColumn: "name",
                keyValue: "webhooks");

            migrationBuilder.AddColumn<string>(
                name: "claimed_by",
                table: "webhook_deliveries",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "claimed_until",
                table: "webhook_deliveries",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "claimed_by",
                table: "webhook_deliveries");

            migrationBuilder.DropColumn(
                name: "claimed_until",
                table: "webhook_deliveries");

            migrationBuilder.InsertData(
                table: "messaging_leases",
                columns: new[] { "name", "expires_at", "holder" },
                values: new object[] { "webhooks", new DateTime(1970, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), null });
        }
    }
}
