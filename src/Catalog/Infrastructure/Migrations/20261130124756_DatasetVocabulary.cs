using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Catalog.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class DatasetVocabulary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "completeness_score",
                table: "datasets",
                newName: "metadata_score");

            migrationBuilder.RenameIndex(
                name: "IX_datasets_status_completeness_score_id",
                table: "datasets",
                newName: "IX_datasets_status_metadata_score_id");

            migrationBuilder.RenameColumn(
                name: "completeness_score",
                table: "dataset_versions",
                newName: "metadata_score");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "metadata_score",
                table: "datasets",
                newName: "completeness_score");

            migrationBuilder.RenameIndex(
                name: "IX_datasets_status_metadata_score_id",
                table: "datasets",
                newName: "IX_datasets_status_completeness_score_id");

            migrationBuilder.RenameColumn(
                name: "metadata_score",
                table: "dataset_versions",
                newName: "completeness_score");
        }
    }
}
