using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;

namespace Marketplace.BuildingBlocks.Persistence;

/// <summary>
/// Every column is named after its property in snake case (<c>ProviderOrganisationId</c> → <c>provider_organisation_id</c>);
/// a configuration names a column only where it differs. Tables, keys and indexes keep their explicit or EF names, so the
/// convention changes no existing schema. Libraries' entities (OpenIddict's) are left as their library names them (the migrations test would show it).
/// </summary>
public sealed class SnakeCaseColumns : IModelFinalizingConvention
{
    public void ProcessModelFinalizing(IConventionModelBuilder modelBuilder, IConventionContext<IConventionModelBuilder> context)
    {
        // Libraries' tables (OpenIddict's) keep the names their library gives them.
        var ours = modelBuilder.Metadata.GetEntityTypes().Where(e => e.ClrType.Namespace?.StartsWith("Marketplace.", StringComparison.Ordinal) == true);
        foreach (var property in ours.SelectMany(e => e.GetDeclaredProperties()))
        {
            if (property.GetColumnNameConfigurationSource() is null or ConfigurationSource.Convention)
            {
                property.Builder.HasColumnName(Of(property.Name));
            }
        }
    }

    /// <summary><c>TitleKo</c> → <c>title_ko</c>, <c>Sha256Hash</c> → <c>sha256_hash</c>, <c>HTTPStatus</c> → <c>http_status</c>.</summary>
    public static string Of(string name)
    {
        var snake = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0
                && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1]))))
            {
                snake.Append('_');
            }

            snake.Append(char.ToLowerInvariant(c));
        }

        return snake.ToString();
    }
}
