using System.Security.Claims;
using Marketplace.BuildingBlocks.Errors;
using Marketplace.BuildingBlocks.Pricing;
using Marketplace.BuildingBlocks.Security;
using Marketplace.BuildingBlocks.ServiceDefaults;
using Marketplace.Pricing.Domain;
using Marketplace.Pricing.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Pricing.Apis;

/// <summary>Baselines: administrators draft, preview and publish immutable versions; signed-in callers read published ones.</summary>
public static class BaselinesApi
{
    public static IEndpointRouteBuilder MapBaselinesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapModuleGroup(PricingModule.ModuleName, "/baselines", "Baselines").ProducesValidationProblem();
        api.MapPost("/", CreateDraft).RequireAuthorization(MarketplacePolicies.Admin).WithName("CreateBaselineDraft")
            .WithSummary("Draft a baseline for a category (process stage × data type), or the default");
        api.MapPut("/{id:guid}", ReviseDraft).RequireAuthorization(MarketplacePolicies.Admin).WithEntityTag().WithName("ReviseBaselineDraft")
            .WithSummary("Change a draft; published versions never change").ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{id:guid}/preview", Preview).RequireAuthorization(MarketplacePolicies.Admin).WithName("PreviewBaseline")
            .WithSummary("What these datasets (at most 50) would cost under this baseline");
        api.MapPost("/{id:guid}/publish", Publish).RequireAuthorization(MarketplacePolicies.Admin).WithName("PublishBaseline")
            .WithSummary("Publish a draft as the category's next version, effective now or later").ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/", List).RequireAuthorization().WithName("ListBaselines")
            .WithSummary("Published baseline versions, newest first (administrators: drafts too)");
        api.MapGet("/{id:guid}", Get).RequireAuthorization().WithEntityTag().WithName("GetBaseline").WithSummary("One baseline version (drafts: administrators only)");
        return app;
    }

    public static async Task<Created<BaselineResponse>> CreateDraft(
        BaselineRequest request, ClaimsPrincipal user, PricingDb db, TimeProvider clock, CancellationToken ct)
    {
        var baseline = Baseline.Draft(request.ProcessStage, request.DataType, request.BasePrice, request.Factors!,
            user.SubjectOf(), clock.GetUtcNow().UtcDateTime);
        db.Baselines.Add(baseline);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/pricing/baselines/{baseline.Id}", BaselineResponse.From(baseline));
    }

    public static async Task<Ok<BaselineResponse>> ReviseDraft(Guid id, BaselineRequest request, HttpContext http, PricingDb db, CancellationToken ct)
    {
        var baseline = await FindAsync(id, db, ct);
        EntityTags.RequireMatch(http, BaselineResponse.From(baseline));
        new Validator()
            .Require(request.ProcessStage == baseline.ProcessStage && request.DataType == baseline.DataType, "processStage",
                "A draft keeps its category; draft a new baseline for another one.")
            .ThrowIfInvalid();
        baseline.Revise(request.BasePrice, request.Factors!);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(BaselineResponse.From(baseline));
    }

    public static async Task<Ok<PreviewLine[]>> Preview(Guid id, PreviewRequest request, PricingDb db, CancellationToken ct)
    {
        var (ids, terms) = request.Validate();
        var baseline = await FindAsync(id, db, ct);
        var datasets = await db.DatasetCopies.AsNoTracking().Where(l => ids.Contains(l.DatasetId) && l.Listed).ToDictionaryAsync(l => l.DatasetId, ct);
        return TypedResults.Ok(ids.Select(d => new PreviewLine(d, datasets.TryGetValue(d, out var l) ? PriceFormula.Quote(baseline, l, terms) : null)).ToArray());
    }

    public static async Task<Ok<BaselineResponse>> Publish(
        Guid id, PublishBaselineRequest request, ClaimsPrincipal user, PricingDb db, PriceListCache prices, TimeProvider clock, CancellationToken ct)
    {
        var baseline = await FindAsync(id, db, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var latest = await db.Baselines.Where(b => b.ProcessStage == baseline.ProcessStage && b.DataType == baseline.DataType)
            .MaxAsync(b => (int?)b.Version, ct) ?? 0;
        baseline.Publish(latest + 1, request.EffectiveFrom?.ToUniversalTime() ?? now, user.SubjectOf(), now);
        // The whole version travels, so Contracts checks prices against the band without asking Pricing.
        db.AddEvent(baseline.ToEvent());
        // Another version of the category published at the same moment takes the number first: 409.
        await db.SaveChangesAsync(ct);

        prices.Invalidate();
        return TypedResults.Ok(BaselineResponse.From(baseline));
    }

    public static async Task<Ok<Page<BaselineResponse>>> List(
        ClaimsPrincipal user, PricingDb db, int limit = PageCursor.DefaultLimit, string? cursor = null, CancellationToken ct = default)
    {
        new Validator().RequireLimit(limit).ThrowIfInvalid();
        var admin = PricingCaller.IsAdmin(user);
        var fingerprint = admin ? "baselines:all" : "baselines:published";
        var after = PageCursor.Decode<ListCursor>(cursor, c => c.Query == fingerprint);
        var query = db.Baselines.AsNoTracking();
        if (!admin)
        {
            query = query.Where(b => b.Status == BaselineStatus.Published);
        }

        if (after is not null)
        {
            query = query.Where(b => b.CreatedAt < after.At || (b.CreatedAt == after.At && b.Id.CompareTo(after.Id) > 0));
        }

        var rows = await query.OrderByDescending(b => b.CreatedAt).ThenBy(b => b.Id).Take(limit + 1).ToListAsync(ct);
        return TypedResults.Ok(PageCursor.Of(rows, limit, BaselineResponse.From, b => new ListCursor(fingerprint, b.CreatedAt, b.Id)));
    }

    public static async Task<Ok<BaselineResponse>> Get(Guid id, ClaimsPrincipal user, PricingDb db, CancellationToken ct)
    {
        var baseline = await db.Baselines.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct);
        return baseline is not null && (baseline.Status == BaselineStatus.Published || PricingCaller.IsAdmin(user))
            ? TypedResults.Ok(BaselineResponse.From(baseline))
            : throw new NotFoundException("Baseline", id);
    }

    private static async Task<Baseline> FindAsync(Guid id, PricingDb db, CancellationToken ct) =>
        await db.Baselines.FirstOrDefaultAsync(b => b.Id == id, ct) ?? throw new NotFoundException("Baseline", id);
}
