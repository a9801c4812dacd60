using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gateway.Catalogue.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InitialCatalogue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "catalogue_agencies",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    contact_address = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    contact_email = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    contact_phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    contact_website = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    description_en = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    description_id = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    name_en = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    name_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_catalogue_agencies", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "catalogue_services",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    slug = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    agency_id = table.Column<Guid>(type: "uuid", nullable: false),
                    category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    standard = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    description_en = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    description_id = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    name_en = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    name_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_catalogue_services", x => x.id);
                    table.ForeignKey(
                        name: "fk_catalogue_services_catalogue_agencies_agency_id",
                        column: x => x.agency_id,
                        principalTable: "catalogue_agencies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "catalogue_exposures",
                columns: table => new
                {
                    service_id = table.Column<Guid>(type: "uuid", nullable: false),
                    path_prefix = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    methods = table.Column<List<string>>(type: "text[]", nullable: false),
                    destinations = table.Column<List<string>>(type: "text[]", nullable: false),
                    health_check_path = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    timeout_seconds = table.Column<int>(type: "integer", nullable: false),
                    forward_client_cookies = table.Column<bool>(type: "boolean", nullable: false),
                    forward_client_authorization = table.Column<bool>(type: "boolean", nullable: false),
                    access_kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    access_scope = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    upstream_auth_header_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    upstream_auth_kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    upstream_auth_protected_secret = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    upstream_auth_username = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_catalogue_exposures", x => x.service_id);
                    table.ForeignKey(
                        name: "fk_catalogue_exposures_services_service_id",
                        column: x => x.service_id,
                        principalTable: "catalogue_services",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "catalogue_service_health",
                columns: table => new
                {
                    service_id = table.Column<Guid>(type: "uuid", nullable: false),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    checked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    detail = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_catalogue_service_health", x => x.service_id);
                    table.ForeignKey(
                        name: "fk_catalogue_service_health_catalogue_services_service_id",
                        column: x => x.service_id,
                        principalTable: "catalogue_services",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_catalogue_agencies_code",
                table: "catalogue_agencies",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_catalogue_exposures_path_prefix",
                table: "catalogue_exposures",
                column: "path_prefix",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_catalogue_services_agency_id",
                table: "catalogue_services",
                column: "agency_id");

            migrationBuilder.CreateIndex(
                name: "ix_catalogue_services_category",
                table: "catalogue_services",
                column: "category");

            migrationBuilder.CreateIndex(
                name: "ix_catalogue_services_slug",
                table: "catalogue_services",
                column: "slug",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "catalogue_exposures");

            migrationBuilder.DropTable(
                name: "catalogue_service_health");

            migrationBuilder.DropTable(
                name: "catalogue_services");

            migrationBuilder.DropTable(
                name: "catalogue_agencies");
        }
    }
}
