using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gateway.Messaging.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WebhookDataSubject : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "data_subject",
                table: "webhook_deliveries",
                type: "TEXT",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "data_subject",
                table: "webhook_deliveries");
        }
    }
}
