using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gateway.Identity.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NikAssurance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_identity_users_nik",
                table: "identity_users");

            migrationBuilder.AddColumn<string>(
                name: "nik_verification",
                table: "identity_users",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "nik_verified_at",
                table: "identity_users",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "nik_verified_by",
                table: "identity_users",
                type: "TEXT",
                maxLength: 80,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_identity_users_nik",
                table: "identity_users",
                column: "nik");

            migrationBuilder.CreateIndex(
                name: "ix_identity_users_nik1",
                table: "identity_users",
                column: "nik",
                unique: true,
                filter: "\"nik_verified_at\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_identity_users_nik",
                table: "identity_users");

            migrationBuilder.DropIndex(
                name: "ix_identity_users_nik1",
                table: "identity_users");

            migrationBuilder.DropColumn(
                name: "nik_verification",
                table: "identity_users");

            migrationBuilder.DropColumn(
                name: "nik_verified_at",
                table: "identity_users");

            migrationBuilder.DropColumn(
                name: "nik_verified_by",
                table: "identity_users");

            migrationBuilder.CreateIndex(
                name: "ix_identity_users_nik",
                table: "identity_users",
                column: "nik",
                unique: true);
        }
    }
}
