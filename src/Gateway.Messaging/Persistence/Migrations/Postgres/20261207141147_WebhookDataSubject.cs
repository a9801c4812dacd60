using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gateway.Messaging.Persistence.Migrations.Postgres
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
                type: "character varying(64)",
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
