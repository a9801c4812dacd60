using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gateway.Complaints.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ComplaintAnswers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "answer",
                table: "complaints",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "answered_at",
                table: "complaints",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "answered_by",
                table: "complaints",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "closed_at",
                table: "complaints",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "overdue_at",
                table: "complaints",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "reopen_reason",
                table: "complaints",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "reopened_at",
                table: "complaints",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "version",
                table: "complaints",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "ix_complaints_status_response_due_at",
                table: "complaints",
                columns: new[] { "status", "response_due_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_complaints_status_response_due_at",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "answer",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "answered_at",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "answered_by",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "closed_at",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "overdue_at",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "reopen_reason",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "reopened_at",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "version",
                table: "complaints");
        }
    }
}
