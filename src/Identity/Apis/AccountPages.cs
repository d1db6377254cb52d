using System.Security.Claims;
using System.Text.Encodings.Web;
using Marketplace.BuildingBlocks.Errors;
using Marketplace.BuildingBlocks.Security;
using Marketplace.Identity.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Routing;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Marketplace.Identity.Apis;

/// <summary>
/// The pages people see: sign in (the authorization endpoint sends them here), accept an invitation,
/// sign out. Plain server-rendered HTML forms with anti-forgery tokens; the session is a cookie that only
/// Identity reads, and APIs never accept it.
/// </summary>
public static class AccountPages
{
    public const string CookieScheme = "marketplace.account";
    public const string LoginPath = "/account/login";
    public const string InvitationPath = "/account/invitation";

    private const string SignInFailed =
        "E-mail address or password is wrong, or the account is locked for a few minutes after repeated failures. " +
        "/ 이메일 또는 비밀번호가 올바르지 않거나, 반복된 실패로 계정이 잠시 잠겼습니다.";

    public static IEndpointRouteBuilder MapAccountPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/account").AllowAnonymous().ExcludeFromDescription().WithMetadata(new RequestTimeoutAttribute(IdentityModule.ModuleName));
        pages.MapGet("/login", ShowLogin);
        pages.MapPost("/login", Login);
        pages.MapGet("/invitation", ShowInvitation);
        pages.MapPost("/invitation", AcceptInvitation);
        pages.MapPost("/logout", Logout);
        return app;
    }

    private static IResult ShowLogin(HttpContext http, IAntiforgery antiforgery, string? returnUrl) =>
        LoginForm(http, antiforgery, returnUrl, email: null, error: null, StatusCodes.Status200OK);

    private static async Task<IResult> Login(HttpContext http, IAntiforgery antiforgery, PersonAccounts accounts, CancellationToken ct)
    {
        if (await FormAsync(http, antiforgery) is not { } form)
        {
            return ExpiredForm();
        }

        var returnUrl = form["returnUrl"].ToString();
        var person = await accounts.SignInAsync(form["email"], form["password"], ct);
        if (person is null)
        {
            return LoginForm(http, antiforgery, returnUrl, form["email"], SignInFailed, StatusCodes.Status400BadRequest);
        }

        await SignInCookieAsync(http, person.Id, person.DisplayName);
        return LocalUrl.IsLocal(returnUrl)
            ? Results.Redirect(returnUrl)
            : Page("Signed in / 로그인됨", $"<p>Signed in as {Encode(person.DisplayName)} ({Encode(person.Email)}).</p>{LogoutForm(http, antiforgery)}");
    }

    private static async Task<IResult> ShowInvitation(HttpContext http, IAntiforgery antiforgery, PersonAccounts accounts, IdentityDb db, string? code, CancellationToken ct)
    {
        var invitation = await accounts.FindOpenInvitationAsync(code, ct);
        return invitation is null
            ? InvitationGone()
            : InvitationForm(http, antiforgery, code!, invitation.Email, await OrganisationNameAsync(db, invitation.OrganisationId, ct), errors: null, StatusCodes.Status200OK);
    }

    private static async Task<IResult> AcceptInvitation(HttpContext http, IAntiforgery antiforgery, PersonAccounts accounts, IdentityDb db, CancellationToken ct)
    {
        if (await FormAsync(http, antiforgery) is not { } form)
        {
            return ExpiredForm();
        }

        var code = form["code"].ToString();
        var invitation = await accounts.FindOpenInvitationAsync(code, ct);
        if (invitation is null)
        {
            return InvitationGone();
        }

        var organisation = await OrganisationNameAsync(db, invitation.OrganisationId, ct);
        try
        {
            if (form["password"] != form["confirmPassword"])
            {
                throw new ValidationException(new Dictionary<string, string[]> { ["confirmPassword"] = ["The passwords differ."] });
            }

            var person = await accounts.AcceptAsync(invitation, form["displayName"], form["password"], ct);
            await SignInCookieAsync(http, person.Id, person.DisplayName);
            return Page("Welcome / 환영합니다",
                $"<p>{Encode(person.Email)} now belongs to {Encode(organisation)}. Sign in from the marketplace's applications with this address and password.</p>",
                StatusCodes.Status201Created);
        }
        catch (ValidationException e)
        {
            var errors = string.Join(' ', e.Errors.SelectMany(f => f.Value));
            return InvitationForm(http, antiforgery, code, invitation.Email, organisation, errors, StatusCodes.Status400BadRequest);
        }
        catch (ConflictException e)
        {
            return Page("Invitation / 초대", $"<p>{Encode(e.Message)}</p>", StatusCodes.Status409Conflict);
        }
    }

    private static async Task<IResult> Logout(HttpContext http, IAntiforgery antiforgery)
    {
        if (await FormAsync(http, antiforgery) is null)
        {
            return ExpiredForm();
        }

        await http.SignOutAsync(CookieScheme);
        return Page("Signed out / 로그아웃됨", "<p>You are signed out.</p>");
    }

    private static Task SignInCookieAsync(HttpContext http, Guid personId, string name) =>
        http.SignInAsync(CookieScheme, new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(Claims.Subject, personId.ToString()), new Claim(Claims.Name, name)], CookieScheme)));

    /// <summary>The posted form, or null when its anti-forgery token is missing or wrong.</summary>
    private static async Task<IFormCollection?> FormAsync(HttpContext http, IAntiforgery antiforgery) =>
        http.Request.HasFormContentType && await antiforgery.IsRequestValidAsync(http) ? await http.Request.ReadFormAsync() : null;

    private static async Task<string> OrganisationNameAsync(IdentityDb db, Guid id, CancellationToken ct) =>
        await db.Organisations.FindAsync([id], ct) is { } o ? $"{o.NameKo} {o.NameEn}".Trim() : "";

    private static IResult LoginForm(HttpContext http, IAntiforgery antiforgery, string? returnUrl, string? email, string? error, int status) =>
        Page("Sign in / 로그인", $"""
            {Error(error)}
            <form method="post" action="{LoginPath}">
              {AntiforgeryField(http, antiforgery)}
              <input type="hidden" name="returnUrl" value="{Encode(returnUrl)}">
              <label>E-mail / 이메일 <input name="email" type="email" autocomplete="username" required value="{Encode(email)}"></label>
              <label>Password / 비밀번호 <input name="password" type="password" autocomplete="current-password" required></label>
              <button type="submit">Sign in / 로그인</button>
            </form>
            """, status);

    private static IResult InvitationForm(HttpContext http, IAntiforgery antiforgery, string code, string email, string organisation, string? errors, int status) =>
        Page("Accept invitation / 초대 수락", $"""
            <p>{Encode(organisation)} invited <strong>{Encode(email)}</strong>.</p>
            {Error(errors)}
            <form method="post" action="{InvitationPath}">
              {AntiforgeryField(http, antiforgery)}
              <input type="hidden" name="code" value="{Encode(code)}">
              <label>Name / 이름 <input name="displayName" required maxlength="100" autocomplete="name"></label>
              <label>Password ({PersonAccounts.MinPasswordLength}+ characters) / 비밀번호 <input name="password" type="password" required minlength="{PersonAccounts.MinPasswordLength}" autocomplete="new-password"></label>
              <label>Repeat password / 비밀번호 확인 <input name="confirmPassword" type="password" required autocomplete="new-password"></label>
              <button type="submit">Create account / 계정 만들기</button>
            </form>
            """, status);

    private static string LogoutForm(HttpContext http, IAntiforgery antiforgery) =>
        $"""<form method="post" action="/account/logout">{AntiforgeryField(http, antiforgery)}<button type="submit">Sign out / 로그아웃</button></form>""";

    private static IResult InvitationGone() =>
        Page("Invitation / 초대", "<p>This invitation has expired or was already used. Ask your organisation's administrator for a new one.</p>", StatusCodes.Status404NotFound);

    private static IResult ExpiredForm() =>
        Page("Form expired / 양식 만료", "<p>The form has expired or did not come from this site. Go back, reload the page and try again.</p>", StatusCodes.Status400BadRequest);

    private static string AntiforgeryField(HttpContext http, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        return $"""<input type="hidden" name="{Encode(tokens.FormFieldName)}" value="{Encode(tokens.RequestToken)}">""";
    }

    private static string Error(string? message) => message is null ? "" : $"""<p class="error" role="alert">{Encode(message)}</p>""";

    private static string Encode(string? value) => HtmlEncoder.Default.Encode(value ?? "");

    private static IResult Page(string title, string body, int status = StatusCodes.Status200OK) =>
        Results.Content($$"""
            <!doctype html>
            <html lang="ko">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>{{Encode(title)}} · Manufacturing Data Marketplace</title>
              <style>
                body { font-family: system-ui, sans-serif; max-width: 28rem; margin: 4rem auto; padding: 0 1rem; }
                label { display: block; margin: 1rem 0; } input { display: block; width: 100%; padding: .4rem; }
                button { padding: .5rem 1rem; } .error { color: #b00020; }
              </style>
            </head>
            <body>
              <h1>{{Encode(title)}}</h1>
              {{body}}
            </body>
            </html>
            """, "text/html; charset=utf-8", statusCode: status);
}
