using System.Security.Claims;
using Marketplace.BuildingBlocks.Errors;
using Marketplace.BuildingBlocks.Hosting;
using Marketplace.BuildingBlocks.Security;
using Marketplace.BuildingBlocks.ServiceDefaults;
using Marketplace.Identity.Domain;
using Marketplace.Identity.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Marketplace.Identity.Apis;

public static class OrganisationsApi
{
    public static IEndpointRouteBuilder MapOrganisationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapModuleGroup(IdentityModule.ModuleName, "/organisations", "Organisations")
            .ProducesValidationProblem();

        api.MapPost("/", Register).AllowAnonymous().WithName("RegisterOrganisation")
            .WithSummary("Register an organisation; returns its first API client (the secret is shown once)").ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/", List).RequireAuthorization(MarketplacePolicies.Admin).WithName("ListOrganisations")
            .WithSummary("Registered organisations, oldest registration first, optionally of one status (administrators: the verification queue is status=Pending)");
        api.MapGet("/{id:guid}", Get).RequireAuthorization().WithEntityTag().WithName("GetOrganisation").WithSummary("Your own organisation (administrators: any)");
        api.MapPost("/{id:guid}/verify", Verify).RequireAuthorization(MarketplacePolicies.Admin).WithEntityTag().WithName("VerifyOrganisation")
            .WithSummary("Verify a registered organisation (administrators): it may then list or buy").ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        api.MapPost("/{id:guid}/reject", Reject).RequireAuthorization(MarketplacePolicies.Admin).WithEntityTag().WithName("RejectOrganisation")
            .WithSummary("Reject a registration (administrators): the organisation gets no tokens").ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        api.MapPost("/{id:guid}/suspend", Suspend).RequireAuthorization(MarketplacePolicies.Admin).WithEntityTag().WithName("SuspendOrganisation")
            .WithSummary("Take a verified organisation off the marketplace: no new tokens, and every module refuses its current ones within seconds")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        api.MapPost("/{id:guid}/reinstate", Reinstate).RequireAuthorization(MarketplacePolicies.Admin).WithEntityTag().WithName("ReinstateOrganisation")
            .WithSummary("Let a suspended organisation take part again").ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        api.MapPost("/{id:guid}/clients", CreateClient).RequireAuthorization(MarketplacePolicies.OrganisationAdmin).WithName("CreateApiClient")
            .WithSummary("A new API client for your organisation (the secret is shown once)");
        api.MapGet("/{id:guid}/clients", ListClients).RequireAuthorization(MarketplacePolicies.OrganisationAdmin).WithName("ListApiClients")
            .WithSummary("Your organisation's API clients, newest first, revoked ones included (never their secrets)");
        api.MapGet("/{id:guid}/clients/{clientId}", GetClient).RequireAuthorization(MarketplacePolicies.OrganisationAdmin).WithName("GetApiClient")
            .WithSummary("One API client of your organisation (where a created client's Location points; never its secret)");
        api.MapGet("/{id:guid}/invitations/{invitationId:guid}", GetInvitation).RequireAuthorization(MarketplacePolicies.OrganisationAdmin).WithName("GetInvitation")
            .WithSummary("One invitation of your organisation (where a created invitation's Location points; never its code)");
        api.MapDelete("/{id:guid}/clients/{clientId}", RevokeClient).RequireAuthorization(MarketplacePolicies.OrganisationAdmin).WithName("RevokeApiClient")
            .WithSummary("Revoke an API client: its new token requests fail");
        api.MapPost("/{id:guid}/invitations", Invite).RequireAuthorization(MarketplacePolicies.OrganisationAdmin).WithName("InvitePerson")
            .WithSummary("Invite a person into your organisation; the acceptance link is shown once and valid for 7 days");
        api.MapGet("/{id:guid}/people", ListPeople).RequireAuthorization(MarketplacePolicies.OrganisationAdmin).WithName("ListPeople")
            .WithSummary("The people of your organisation");
        api.MapDelete("/{id:guid}/people/{personId:guid}", DisablePerson).RequireAuthorization(MarketplacePolicies.OrganisationAdmin).WithName("DisablePerson")
            .WithSummary("Disable a person: they can no longer sign in and their refresh tokens stop working");
        return app;
    }

    public static async Task<Created<RegistrationResponse>> Register(
        RegisterOrganisationRequest request, PublicAddress address, IdentityDb db, ApiClientIssuer clients, TimeProvider clock, CancellationToken ct)
    {
        var number = request.Validate();
        if (await db.Organisations.AnyAsync(o => o.BusinessRegistrationNumber == number, ct))
        {
            throw new ConflictException("An organisation with this number is already registered.", "businessRegistrationNumber");
        }

        var roles = request.Roles ?? [];
        var organisation = Organisation.Register(
            request.NameKo?.Trim(), request.NameEn?.Trim(), number, request.ContactEmail!.Trim(), request.IsSme,
            roles.Contains(MarketplaceRoles.Provider), roles.Contains(MarketplaceRoles.Buyer), clock.GetUtcNow().UtcDateTime);

        // The contact person becomes the organisation's first administrator by accepting this invitation.
        var (invitation, code) = Invitation.Create(organisation.Id, organisation.ContactEmail, isOrganisationAdmin: true, "registration", organisation.RegisteredAt);

        // The organisation, its first client and the invitation exist together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Organisations.Add(organisation);
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync(ct);
        var client = await clients.IssueAsync(organisation.Id, "default", isOrganisationAdmin: true, ct);
        await transaction.CommitAsync(ct);

        return TypedResults.Created($"/api/identity/organisations/{organisation.Id}", new RegistrationResponse(
            OrganisationResponse.From(organisation), new ApiClientCreatedResponse(client.ClientId, client.ClientSecret, true),
            InvitationCreatedResponse.From(invitation, code, address)));
    }

    public static async Task<Ok<Page<OrganisationResponse>>> List(
        IdentityDb db, string? status = null, int limit = PageCursor.DefaultLimit, string? cursor = null, CancellationToken ct = default)
    {
        var wanted = Enum.TryParse<OrganisationStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : (OrganisationStatus?)null;
        new Validator()
            .Require(status is null || wanted is not null, "status", $"One of {string.Join(", ", Enum.GetNames<OrganisationStatus>())}.")
            .RequireLimit(limit)
            .ThrowIfInvalid();
        var fingerprint = $"organisations:{wanted}";
        var after = PageCursor.Decode<ListCursor>(cursor, c => c.Query == fingerprint);
        // The platform itself is not an organisation anyone reviews.
        var query = db.Organisations.AsNoTracking().Where(o => !o.IsPlatformAdmin);
        if (wanted is { } s)
        {
            query = query.Where(o => o.Status == s);
        }

        if (after is not null)
        {
            query = query.Where(o => o.RegisteredAt > after.At || (o.RegisteredAt == after.At && o.Id.CompareTo(after.Id) > 0));
        }

        var rows = await query.OrderBy(o => o.RegisteredAt).ThenBy(o => o.Id).Take(limit + 1).ToListAsync(ct);
        return TypedResults.Ok(PageCursor.Of(rows, limit, OrganisationResponse.From, o => new ListCursor(fingerprint, o.RegisteredAt, o.Id)));
    }

    public static async Task<Ok<OrganisationResponse>> Get(Guid id, ClaimsPrincipal user, IdentityDb db, CancellationToken ct)
    {
        var organisation = await FindVisibleAsync(id, user, db, ct);
        return organisation is null ? throw new NotFoundException("Organisation", id) : TypedResults.Ok(OrganisationResponse.From(organisation));
    }

    public static Task<Ok<OrganisationResponse>> Verify(Guid id, HttpContext http, IdentityDb db, TimeProvider clock, CancellationToken ct) =>
        ReviewAsync(id, http, db, o => o.Verify(clock.GetUtcNow().UtcDateTime), ct);

    public static Task<Ok<OrganisationResponse>> Reject(Guid id, HttpContext http, IdentityDb db, TimeProvider clock, CancellationToken ct) =>
        ReviewAsync(id, http, db, o => o.Reject(clock.GetUtcNow().UtcDateTime), ct);

    public static Task<Ok<OrganisationResponse>> Suspend(Guid id, HttpContext http, IdentityDb db, TimeProvider clock, CancellationToken ct) =>
        ReviewAsync(id, http, db, o => o.Suspend(clock.GetUtcNow().UtcDateTime), ct);

    public static Task<Ok<OrganisationResponse>> Reinstate(Guid id, HttpContext http, IdentityDb db, TimeProvider clock, CancellationToken ct) =>
        ReviewAsync(id, http, db, o => o.Reinstate(clock.GetUtcNow().UtcDateTime), ct);

    public static async Task<Created<ApiClientCreatedResponse>> CreateClient(
        Guid id, CreateApiClientRequest request, ClaimsPrincipal user, IdentityDb db, ApiClientIssuer clients, CancellationToken ct)
    {
        var connector = request.Validate();
        if (!IsOwn(id, user))
        {
            throw new NotFoundException("Organisation", id);
        }

        if (connector is not null && (await db.ApiClients.AsNoTracking().Where(c => c.RevokedAt == null && c.Connector != null).ToListAsync(ct))
            .Any(c => c.Connector!.ParticipantId == connector.ParticipantId))
        {
            throw new ConflictException("A connector with this participant id is registered already; revoke its client first.", "connector.participantId");
        }

        var client = await clients.IssueAsync(
            id, string.IsNullOrWhiteSpace(request.Name) ? "client" : request.Name.Trim(), request.OrganisationAdmin, ct, connector: connector);
        return TypedResults.Created($"/api/identity/organisations/{id}/clients/{client.ClientId}",
            new ApiClientCreatedResponse(client.ClientId, client.ClientSecret, request.OrganisationAdmin, connector));
    }

    public static async Task<Ok<Page<ApiClientResponse>>> ListClients(
        Guid id, ClaimsPrincipal user, IdentityDb db, int limit = PageCursor.DefaultLimit, string? cursor = null, CancellationToken ct = default)
    {
        new Validator().RequireLimit(limit).ThrowIfInvalid();
        if (!IsOwn(id, user))
        {
            throw new NotFoundException("Organisation", id);
        }

        var fingerprint = $"clients:{id}";
        var after = PageCursor.Decode<ClientsCursor>(cursor, c => c.Query == fingerprint);
        var query = db.ApiClients.AsNoTracking().Where(c => c.OrganisationId == id);
        if (after is not null)
        {
            query = query.Where(c => c.CreatedAt < after.At || (c.CreatedAt == after.At && c.ClientId.CompareTo(after.ClientId) > 0));
        }

        var rows = await query.OrderByDescending(c => c.CreatedAt).ThenBy(c => c.ClientId).Take(limit + 1).ToListAsync(ct);
        return TypedResults.Ok(PageCursor.Of(rows, limit, ApiClientResponse.From, c => new ClientsCursor(fingerprint, c.CreatedAt, c.ClientId)));
    }

    /// <summary>Clients are listed newest first; their ids (text) break ties.</summary>
    private sealed record ClientsCursor(string Query, DateTime At, string ClientId);

    public static async Task<Ok<ApiClientResponse>> GetClient(Guid id, string clientId, ClaimsPrincipal user, IdentityDb db, CancellationToken ct) =>
        IsOwn(id, user) && await db.ApiClients.AsNoTracking().FirstOrDefaultAsync(c => c.ClientId == clientId && c.OrganisationId == id, ct) is { } client
            ? TypedResults.Ok(ApiClientResponse.From(client))
            : throw new NotFoundException("API client", clientId);

    public static async Task<Ok<InvitationResponse>> GetInvitation(
        Guid id, Guid invitationId, ClaimsPrincipal user, IdentityDb db, CancellationToken ct) =>
        IsOwn(id, user) && await db.Invitations.AsNoTracking().FirstOrDefaultAsync(i => i.Id == invitationId && i.OrganisationId == id, ct) is { } invitation
            ? TypedResults.Ok(InvitationResponse.From(invitation))
            : throw new NotFoundException("Invitation", invitationId);

    public static async Task<NoContent> RevokeClient(
        Guid id, string clientId, ClaimsPrincipal user, ApiClientIssuer clients, CancellationToken ct)
    {
        var client = IsOwn(id, user) ? await clients.FindActiveAsync(clientId, ct) : null;
        if (client is null || client.OrganisationId != id)
        {
            throw new NotFoundException("API client", clientId);
        }

        await clients.RevokeAsync(client, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Created<InvitationCreatedResponse>> Invite(
        Guid id, InvitePersonRequest request, HttpContext http, PublicAddress address, IdentityDb db, TimeProvider clock, CancellationToken ct)
    {
        var email = request.Validate();
        if (!IsOwn(id, http.User))
        {
            throw new NotFoundException("Organisation", id);
        }

        if (await db.People.AnyAsync(p => p.Email == email, ct))
        {
            throw new ConflictException($"'{email}' already has an account.");
        }

        var (invitation, code) = Invitation.Create(
            id, email, request.OrganisationAdmin, http.User.SubjectOf(), clock.GetUtcNow().UtcDateTime);
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/identity/organisations/{id}/invitations/{invitation.Id}", InvitationCreatedResponse.From(invitation, code, address));
    }

    public static async Task<Ok<Page<PersonResponse>>> ListPeople(
        Guid id, ClaimsPrincipal user, IdentityDb db, int limit = PageCursor.DefaultLimit, string? cursor = null, CancellationToken ct = default)
    {
        new Validator().RequireLimit(limit).ThrowIfInvalid();
        if (!IsOwn(id, user))
        {
            throw new NotFoundException("Organisation", id);
        }

        var after = PageCursor.Decode<PeopleCursor>(cursor, c => c.Organisation == id);
        var query = db.People.AsNoTracking().Where(p => p.OrganisationId == id);
        if (after is not null)
        {
            query = query.Where(p => p.Email.CompareTo(after.Email) > 0);
        }

        var rows = await query.OrderBy(p => p.Email).Take(limit + 1).ToListAsync(ct);
        return TypedResults.Ok(PageCursor.Of(rows, limit, PersonResponse.From, p => new PeopleCursor(id, p.Email)));
    }

    /// <summary>People are listed by e-mail address (unique), alphabetically.</summary>
    private sealed record PeopleCursor(Guid Organisation, string Email);

    public static async Task<NoContent> DisablePerson(
        Guid id, Guid personId, ClaimsPrincipal user, IdentityDb db, TimeProvider clock, CancellationToken ct)
    {
        var person = IsOwn(id, user) ? await db.People.FirstOrDefaultAsync(p => p.Id == personId && p.OrganisationId == id, ct) : null;
        if (person is null)
        {
            throw new NotFoundException("Person", personId);
        }

        person.Disable(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<OrganisationResponse>> ReviewAsync(Guid id, HttpContext http, IdentityDb db, Action<Organisation> review, CancellationToken ct)
    {
        var organisation = await db.Organisations.FirstOrDefaultAsync(o => o.Id == id, ct)
            ?? throw new NotFoundException("Organisation", id);
        EntityTags.RequireMatch(http, OrganisationResponse.From(organisation));
        review(organisation);
        // Same transaction: every module learns of the decision if and only if it stands.
        db.AddEvent(organisation.StatusChanged());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(OrganisationResponse.From(organisation));
    }

    private static bool IsOwn(Guid id, ClaimsPrincipal user) => user.OrganisationIdOf() == id;

    /// <summary>Someone else's organisation is "not found", so ids cannot be probed.</summary>
    private static async Task<Organisation?> FindVisibleAsync(Guid id, ClaimsPrincipal user, IdentityDb db, CancellationToken ct) =>
        IsOwn(id, user) || user.IsInRole(MarketplaceRoles.Admin)
            ? await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct)
            : null;
}
