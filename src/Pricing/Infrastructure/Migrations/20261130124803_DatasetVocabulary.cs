using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Pricing.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class DatasetVocabulary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A rename, not a new table: the copies stay (Catalog does not send them again).
            migrationBuilder.DropPrimaryKey(name: "PK_listings", table: "listings");
            migrationBuilder.RenameTable(name: "listings", newName: "dataset_copies");
            migrationBuilder.RenameColumn(name: "completeness_score", table: "dataset_copies", newName: "metadata_score");
            migrationBuilder.AddPrimaryKey(name: "PK_dataset_copies", table: "dataset_copies", column: "dataset_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(name: "PK_dataset_copies", table: "dataset_copies");
            migrationBuilder.RenameColumn(name: "metadata_score", table: "dataset_copies", newName: "completeness_score");
            migrationBuilder.RenameTable(name: "dataset_copies", newName: "listings");
            migrationBuilder.AddPrimaryKey(name: "PK_listings", table: "listings", column: "dataset_id");
        }
    }
}
