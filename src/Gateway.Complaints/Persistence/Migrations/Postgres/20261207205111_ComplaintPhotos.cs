using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gateway.Complaints.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ComplaintPhotos : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "photo_bytes",
                table: "complaints",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "photo_content_type",
                table: "complaints",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "photo_id",
                table: "complaints",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "photo_sha256",
                table: "complaints",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "photo_bytes",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "photo_content_type",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "photo_id",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "photo_sha256",
                table: "complaints");
        }
    }
}
