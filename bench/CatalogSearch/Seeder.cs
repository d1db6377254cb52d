using System.Text.Json;
using Marketplace.Catalog.Domain;
using Npgsql;
using NpgsqlTypes;

namespace Marketplace.Bench.CatalogSearch;

/// <summary>Writes generated datasets straight into Catalog's tables with binary COPY (the API would take hours for 100,000).</summary>
public static class Seeder
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task EnsureAsync(string connectionString, int count)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var existing = new NpgsqlCommand("SELECT count(*) FROM datasets WHERE provider_organisation_id = @p", connection))
        {
            existing.Parameters.AddWithValue("p", Generator.BenchProvider);
            var have = (long)(await existing.ExecuteScalarAsync())!;
            if (have >= count)
            {
                Console.WriteLine($"{have} generated datasets already there");
                return;
            }

            await using var clear = new NpgsqlCommand("DELETE FROM datasets WHERE provider_organisation_id = @p", connection);
            clear.Parameters.AddWithValue("p", Generator.BenchProvider);
            await clear.ExecuteNonQueryAsync();
        }

        var datasets = Generator.Datasets(count, DateTime.UtcNow).ToList();
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY datasets (id, provider_organisation_id, status, version, revision, created_at, published_at, updated_at, metadata, title_ko, title_en, " +
            "metadata_score, record_count, coverage_from, coverage_to, is_restricted, search_terms, title_terms, keyword_terms, facet_values) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var d in datasets)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(d.Id, NpgsqlDbType.Uuid);
                await copy.WriteAsync(d.ProviderOrganisationId, NpgsqlDbType.Uuid);
                await copy.WriteAsync(d.Status.ToString(), NpgsqlDbType.Varchar);
                await copy.WriteAsync(d.Version, NpgsqlDbType.Integer);
                await copy.WriteAsync(d.Revision, NpgsqlDbType.Integer);
                await copy.WriteAsync(d.CreatedAt, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(d.PublishedAt!.Value, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(d.UpdatedAt, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(JsonSerializer.Serialize(d.Metadata, Json), NpgsqlDbType.Text);
                await copy.WriteAsync(d.TitleKo!, NpgsqlDbType.Varchar);
                await copy.WriteAsync(d.TitleEn!, NpgsqlDbType.Varchar);
                await copy.WriteAsync(d.MetadataScore, NpgsqlDbType.Integer);
                await copy.WriteAsync(d.RecordCount!.Value, NpgsqlDbType.Bigint);
                await copy.WriteAsync(d.CoverageFrom!.Value, NpgsqlDbType.Date);
                await copy.WriteAsync(d.CoverageTo!.Value, NpgsqlDbType.Date);
                await copy.WriteAsync(d.IsRestricted, NpgsqlDbType.Boolean);
                await copy.WriteAsync(d.SearchTerms, NpgsqlDbType.Text);
                await copy.WriteAsync(d.TitleTerms, NpgsqlDbType.Text);
                await copy.WriteAsync(d.KeywordTerms, NpgsqlDbType.Text);
                await copy.WriteAsync(d.FacetValues, NpgsqlDbType.Array | NpgsqlDbType.Text);
            }

            await copy.CompleteAsync();
        }

        await using (var analyze = new NpgsqlCommand("ANALYZE datasets;", connection))
        {
            await analyze.ExecuteNonQueryAsync();
        }

        Console.WriteLine($"{count} generated datasets written");
    }
}
