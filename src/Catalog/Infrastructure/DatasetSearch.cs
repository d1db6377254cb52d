using System.Linq.Expressions;
using Marketplace.Catalog.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Catalog.Infrastructure;

/// <summary>A dataset on a result page with its relevance: 2 when every query token is in a title, plus 1 when every one is in the keywords.</summary>
public sealed class RankedDataset
{
    public Dataset Dataset { get; init; } = null!;

    public int Relevance { get; init; }
}

public sealed record FacetCount(string Facet, string Value, int Count);

public sealed record SearchPage(IReadOnlyList<RankedDataset> Items, int Total, IReadOnlyList<FacetCount> Facets, SearchCursor? Next);

/// <summary>
/// Catalog search, written once for both stores: the same filters, facet values, relevance, sort keys and
/// keyset cursor. Only the full-text test differs: a GIN-indexed <c>tsvector</c> match on PostgreSQL, a
/// whole-token comparison on SQLite, over the same <see cref="SearchTokens"/>.
/// </summary>
public sealed class DatasetSearch(CatalogDb db)
{
    public async Task<SearchPage> SearchAsync(SearchCriteria criteria, Viewer viewer, SearchCursor? after, CancellationToken ct)
    {
        var matching = Matching(criteria, viewer);
        var ranked = matching.Select(Rank(criteria.Tokens));
        var rows = await Order(After(ranked, criteria.Sort, after), criteria.Sort).Take(criteria.Limit + 1).ToListAsync(ct);
        var total = await matching.CountAsync(ct);
        var facets = (await CountFacetValuesAsync(matching, ct)).Select(c =>
        {
            var (facet, value) = Facets.Split(c.Key);
            return new FacetCount(facet, value, c.Value);
        }).ToList();

        var page = rows.Take(criteria.Limit).ToList();
        var next = rows.Count > criteria.Limit ? CursorAfter(page[^1], criteria) : null;
        return new SearchPage(page, total, facets, next);
    }

    /// <summary>
    /// How many of the matching datasets have each facet value: PostgreSQL unnests the arrays and counts
    /// in the database; SQLite cannot join a row to its own JSON array (no lateral join), so the values of
    /// the matching datasets are counted here, which suits the embedded catalog's size.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, int>> CountFacetValuesAsync(IQueryable<Dataset> matching, CancellationToken ct)
    {
        if (db.IsPostgres)
        {
            return await matching.SelectMany(d => d.FacetValues).GroupBy(v => v)
                .Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        }

        var values = await matching.Select(d => d.FacetValues).ToListAsync(ct);
        return values.SelectMany(v => v).CountBy(v => v).ToDictionary();
    }

    /// <summary>An organisation's own datasets in every state (or one), newest first.</summary>
    public async Task<(IReadOnlyList<Dataset> Items, SearchCursor? Next)> OfProviderAsync(
        Guid organisation, DatasetStatus? status, int limit, SearchCursor? after, CancellationToken ct)
    {
        var query = db.Datasets.AsNoTracking().Where(d => d.ProviderOrganisationId == organisation);
        if (status is { } only)
        {
            query = query.Where(d => d.Status == only);
        }

        if (after is not null)
        {
            query = query.Where(d => d.CreatedAt < after.At || (d.CreatedAt == after.At && d.Id.CompareTo(after.Id) > 0));
        }

        var rows = await query.OrderByDescending(d => d.CreatedAt).ThenBy(d => d.Id).Take(limit + 1).ToListAsync(ct);
        var page = rows.Take(limit).ToList();
        return (page, rows.Count > limit ? new SearchCursor(OwnFingerprint(status), 0, 0, page[^1].CreatedAt, page[^1].Id) : null);
    }

    public static string OwnFingerprint(DatasetStatus? status) => $"own:{status}";

    /// <summary>Published datasets the viewer may see that meet every filter.</summary>
    public IQueryable<Dataset> Matching(SearchCriteria criteria, Viewer viewer)
    {
        var query = db.Datasets.AsNoTracking().Where(d => d.Status == DatasetStatus.Published);
        if (!viewer.IsAdmin)
        {
            var organisation = viewer.OrganisationId;
            query = organisation is null
                ? query.Where(d => !d.IsRestricted)
                : query.Where(d => !d.IsRestricted || d.ProviderOrganisationId == organisation || d.Access.Any(a => a.OrganisationId == organisation));
        }

        if (criteria.Tokens.Count > 0)
        {
            if (db.IsPostgres)
            {
                var tokens = string.Join(' ', criteria.Tokens);
                query = query.Where(d => EF.Property<NpgsqlTypes.NpgsqlTsVector>(d, EntityConfigurations.DatasetConfiguration.SearchVector)
                    .Matches(EF.Functions.PlainToTsQuery("simple", tokens)));
            }
            else
            {
                query = query.Where(HasAllTokens(d => d.SearchTerms, criteria.Tokens));
            }
        }

        foreach (var (facet, values) in criteria.Facets)
        {
            var keys = values.Select(v => Facets.Key(facet, v)).ToArray();
            query = query.Where(d => d.FacetValues.Any(v => keys.Contains(v)));
        }

        if (criteria.MinRecords is { } min)
        {
            query = query.Where(d => d.RecordCount >= min);
        }

        if (criteria.MaxRecords is { } max)
        {
            query = query.Where(d => d.RecordCount <= max);
        }

        // Coverage filters keep datasets whose coverage overlaps the asked period.
        if (criteria.CoverageFrom is { } from)
        {
            query = query.Where(d => d.CoverageTo >= from);
        }

        if (criteria.CoverageTo is { } to)
        {
            query = query.Where(d => d.CoverageFrom <= to);
        }

        if (criteria.UpdatedSince is { } since)
        {
            query = query.Where(d => d.UpdatedAt >= since);
        }

        if (criteria.Provider is { } provider)
        {
            query = query.Where(d => d.ProviderOrganisationId == provider);
        }

        return query;
    }

    private static IQueryable<RankedDataset> After(IQueryable<RankedDataset> ranked, SearchSort sort, SearchCursor? c)
    {
        if (c is null)
        {
            return ranked;
        }

        return sort switch
        {
            SearchSort.Newest => ranked.Where(r => r.Dataset.PublishedAt < c.At || (r.Dataset.PublishedAt == c.At && r.Dataset.Id.CompareTo(c.Id) > 0)),
            SearchSort.MetadataScore => ranked.Where(r => r.Dataset.MetadataScore < c.Score
                || (r.Dataset.MetadataScore == c.Score && r.Dataset.Id.CompareTo(c.Id) > 0)),
            _ => ranked.Where(r => r.Relevance < c.Relevance
                || (r.Relevance == c.Relevance && (r.Dataset.MetadataScore < c.Score
                    || (r.Dataset.MetadataScore == c.Score && r.Dataset.Id.CompareTo(c.Id) > 0)))),
        };
    }

    private static IQueryable<RankedDataset> Order(IQueryable<RankedDataset> ranked, SearchSort sort) => sort switch
    {
        SearchSort.Newest => ranked.OrderByDescending(r => r.Dataset.PublishedAt).ThenBy(r => r.Dataset.Id),
        SearchSort.MetadataScore => ranked.OrderByDescending(r => r.Dataset.MetadataScore).ThenBy(r => r.Dataset.Id),
        _ => ranked.OrderByDescending(r => r.Relevance).ThenByDescending(r => r.Dataset.MetadataScore).ThenBy(r => r.Dataset.Id),
    };

    private static SearchCursor CursorAfter(RankedDataset last, SearchCriteria criteria) =>
        new(criteria.Fingerprint(), last.Relevance, last.Dataset.MetadataScore, last.Dataset.PublishedAt, last.Dataset.Id);

    private static Expression<Func<Dataset, RankedDataset>> Rank(IReadOnlyList<string> tokens)
    {
        if (tokens.Count == 0)
        {
            return d => new RankedDataset { Dataset = d, Relevance = 0 };
        }

        var inTitle = HasAllTokens(d => d.TitleTerms, tokens);
        var inKeywords = HasAllTokens(d => d.KeywordTerms, tokens);
        var d = inTitle.Parameters[0];
        var relevance = Expression.Add(
            Expression.Condition(inTitle.Body, Expression.Constant(2), Expression.Constant(0)),
            Expression.Condition(Rebind(inKeywords, d), Expression.Constant(1), Expression.Constant(0)));
        return Expression.Lambda<Func<Dataset, RankedDataset>>(
            Expression.MemberInit(Expression.New(typeof(RankedDataset)),
                Expression.Bind(typeof(RankedDataset).GetProperty(nameof(RankedDataset.Dataset))!, d),
                Expression.Bind(typeof(RankedDataset).GetProperty(nameof(RankedDataset.Relevance))!, relevance)),
            d);
    }

    /// <summary>Every token is a whole token of the column (a space-separated token list).</summary>
    private static Expression<Func<Dataset, bool>> HasAllTokens(Expression<Func<Dataset, string>> column, IReadOnlyList<string> tokens)
    {
        var d = column.Parameters[0];
        Expression? all = null;
        foreach (var token in tokens)
        {
            var padded = $" {token} ";
            Expression<Func<string, bool>> contains = terms => (" " + terms + " ").Contains(padded);
            var test = Rebind(contains, column.Body);
            all = all is null ? test : Expression.AndAlso(all, test);
        }

        return Expression.Lambda<Func<Dataset, bool>>(all!, d);
    }

    /// <summary>The body of a one-parameter lambda with its parameter replaced by <paramref name="argument"/>.</summary>
    private static Expression Rebind(LambdaExpression lambda, Expression argument) =>
        new Replacer(lambda.Parameters[0], argument).Visit(lambda.Body);

    private sealed class Replacer(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : node;
    }
}
