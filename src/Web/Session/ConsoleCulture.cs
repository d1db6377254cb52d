using System.Globalization;
using Marketplace.BuildingBlocks.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;

namespace Marketplace.Web.Session;

/// <summary>
/// Korean unless the person chose English (a cookie set by <c>/language/{code}</c>, a link on every page).
/// Only console pages take the culture; API answers stay culture-neutral.
/// </summary>
public static class ConsoleCulture
{
    public const string Korean = "ko-KR";
    public const string English = "en-US";

    public static readonly string[] Supported = [Korean, English];

    public static void Use(WebApplication app) => app.Use(async (http, next) =>
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
        {
            var culture = CultureInfo.GetCultureInfo(Chosen(http));
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
        }

        await next(http);
    });

    public static void Map(WebApplication app) =>
        app.MapGet("/language/{code}", (HttpContext http, string code, string? returnUrl) =>
        {
            var culture = code.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : Korean;
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            return Results.LocalRedirect(LocalUrl.OrRoot(returnUrl));
        }).AllowAnonymous().ExcludeFromDescription();

    private static string Chosen(HttpContext http) =>
        http.Request.Cookies[CookieRequestCultureProvider.DefaultCookieName] is { } cookie
        && CookieRequestCultureProvider.ParseCookieValue(cookie)?.UICultures.FirstOrDefault().Value is { } chosen
        && chosen.StartsWith("en", StringComparison.OrdinalIgnoreCase)
            ? English
            : Korean;
}
