using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Pricing.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class MetadataScoreName : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
