using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gateway.Identity.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CitizenNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "citizen_notices",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    citizen_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    topic = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    reference = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    title_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    title_en = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    read_at = table.Column<long>(type: "INTEGER", nullable: true),
                    sent_at = table.Column<long>(type: "INTEGER", nullable: true),
                    send_attempts = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_citizen_notices", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_citizen_notices_citizen_id_created_at",
                table: "citizen_notices",
                columns: new[] { "citizen_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_citizen_notices_sent_at_id",
                table: "citizen_notices",
                columns: new[] { "sent_at", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "citizen_notices");
        }
    }
}
