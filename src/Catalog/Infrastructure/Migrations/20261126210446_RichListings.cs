using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace Marketplace.Catalog.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class RichListings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "completeness_score",
                table: "datasets",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "coverage_from",
                table: "datasets",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "coverage_to",
                table: "datasets",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string[]>(
                name: "facet_values",
                table: "datasets",
                type: "text[]",
                nullable: false,
                defaultValue: new string[0]);

            migrationBuilder.AddColumn<bool>(
                name: "is_restricted",
                table: "datasets",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "keyword_terms",
                table: "datasets",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "metadata",
                table: "datasets",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "record_count",
                table: "datasets",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "revision",
                table: "datasets",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "search_terms",
                table: "datasets",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "suspension_reason",
                table: "datasets",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "title_terms",
                table: "datasets",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTime>(
                name: "updated_at",
                table: "datasets",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "search_vector",
                table: "datasets",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "to_tsvector('simple', search_terms)",
                stored: true);

            migrationBuilder.CreateTable(
                name: "dataset_access",
                columns: table => new
                {
                    dataset_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dataset_access", x => new { x.dataset_id, x.organisation_id });
                    table.ForeignKey(
                        name: "FK_dataset_access_datasets_dataset_id",
                        column: x => x.dataset_id,
                        principalTable: "datasets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "dataset_versions",
                columns: table => new
                {
                    dataset_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    metadata = table.Column<string>(type: "text", nullable: false),
                    completeness_score = table.Column<int>(type: "integer", nullable: false),
                    created_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dataset_versions", x => new { x.dataset_id, x.version });
                    table.ForeignKey(
                        name: "FK_dataset_versions_datasets_dataset_id",
                        column: x => x.dataset_id,
                        principalTable: "datasets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Listings from before this migration had titles only: they become documents holding those
            // titles, drafts get version 1, and published ones a version 1 in the history. Their search
            // tokens are filled in by their next edit (the tokeniser is C#).
            migrationBuilder.Sql("""
                UPDATE datasets SET
                    metadata = json_build_object('titleKo', title_ko, 'titleEn', title_en)::text,
                    updated_at = coalesce(published_at, created_at),
                    version = greatest(version, 1);
                INSERT INTO dataset_versions (dataset_id, version, metadata, completeness_score, created_by, created_at)
                SELECT id, version, metadata, 0, 'migration', coalesce(published_at, created_at) FROM datasets WHERE status = 'Published';
                """);

            migrationBuilder.CreateIndex(
                name: "IX_datasets_facet_values",
                table: "datasets",
                column: "facet_values")
                .Annotation("Npgsql:IndexMethod", "GIN");

            migrationBuilder.CreateIndex(
                name: "IX_datasets_search_vector",
                table: "datasets",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "GIN");

            migrationBuilder.CreateIndex(
                name: "IX_datasets_status_completeness_score_id",
                table: "datasets",
                columns: new[] { "status", "completeness_score", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_datasets_status_published_at_id",
                table: "datasets",
                columns: new[] { "status", "published_at", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_dataset_access_organisation_id",
                table: "dataset_access",
                column: "organisation_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dataset_access");

            migrationBuilder.DropTable(
                name: "dataset_versions");

            migrationBuilder.DropIndex(
                name: "IX_datasets_facet_values",
                table: "datasets");

            migrationBuilder.DropIndex(
                name: "IX_datasets_search_vector",
                table: "datasets");

            migrationBuilder.DropIndex(
                name: "IX_datasets_status_completeness_score_id",
                table: "datasets");

            migrationBuilder.DropIndex(
                name: "IX_datasets_status_published_at_id",
                table: "datasets");

            migrationBuilder.DropColumn(
                name: "search_vector",
                table: "datasets");

            migrationBuilder.DropColumn(
                name: "completeness_score",
                table: "datasets");

            migrationBuilder.DropColumn(
                name: "coverage_from",
                table: "datasets");

            migrationBuilder.DropColumn(
                name: "coverage_to",
                table: "datasets");

            migrationBuilder.DropColumn(
                name: "facet_values",
                table: "datasets");

            migrationBuilder.DropColumn(
                name: "is_restricted",
                table: "datasets");

            migrationBuilder.DropColumn(
                name: "keyword_terms",
                table: "datasets");

            migrationBuilder.DropColumn(
                name: "metadata",
                table: "datasets");

            migrationBuilder.DropColumn(
                name: "record_count",
                table: "datasets");

            migrationBuilder.DropColumn(
                name: "revision",
                table: "datasets");

            migrationBuilder.DropColumn(
                name: "search_terms",
                table: "datasets");

            migrationBuilder.DropColumn(
                name: "suspension_reason",
                table: "datasets");

            migrationBuilder.DropColumn(
                name: "title_terms",
                table: "datasets");

            migrationBuilder.DropColumn(
                name: "updated_at",
                table: "datasets");
        }
    }
}
