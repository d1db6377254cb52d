using System.Net;
using System.Text.Json.Serialization;
using Marketplace.BuildingBlocks.Hosting;
using Marketplace.BuildingBlocks.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Marketplace.BuildingBlocks.ServiceDefaults;

/// <summary>What every process of the marketplace has, whatever its target.</summary>
public static class ServiceDefaultsExtensions
{
    public const string ReadyTag = "ready";

    /// <summary>Addresses whose X-Forwarded-For, -Proto and -Host are believed.</summary>
    public const string TrustedProxiesKey = "Marketplace:TrustedProxies";

    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder, HostingTarget target)
    {
        builder.Services.AddSingleton(target);
        builder.Services.AddSingleton(PublicAddress.From(builder.Configuration));
        builder.Services.AddSingleton<BarredOrganisations>();
        builder.Services.TryAddSingleton<TimeProvider>(new MicrosecondClock());
        builder.Services.Configure<MarketplaceOptions>(builder.Configuration.GetSection(MarketplaceOptions.Section));

        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        // Let binding failures (malformed JSON, bad route values) reach the exception handler with their reason.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);

        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            // Numbers are JSON numbers: "12" for a number is a 400, and the OpenAPI documents say "integer", not "integer or string".
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            // A JSON null for a property declared non-nullable is a 400, not a null the handler trips over.
            o.SerializerOptions.RespectNullableAnnotations = true;
            JsonInputRules.Apply(o.SerializerOptions);
        });
        // X-Forwarded-* only from the proxies named in Marketplace:TrustedProxies (none by default; the gateway's
        // address for services behind it): otherwise any caller could choose the address rate limits count.
        var trusted = builder.Configuration.GetSection(TrustedProxiesKey).Get<string[]>() ?? [];
        // Addresses (127.0.0.1) or networks (10.0.0.0/8, for a gateway whose container address is not known ahead),
        // read at start so that a mistyped entry stops the process with its name instead of failing every request.
        var proxies = new List<IPAddress>();
        var networks = new List<System.Net.IPNetwork>();
        foreach (var entry in trusted)
        {
            if (IPAddress.TryParse(entry, out var address))
            {
                proxies.Add(address);
            }
            else if (System.Net.IPNetwork.TryParse(entry, out var network))
            {
                networks.Add(network);
            }
            else
            {
                throw new InvalidOperationException($"{TrustedProxiesKey}: '{entry}' is neither an IP address nor a network such as 10.0.0.0/8.");
            }
        }

        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            // Empty lists would mean "believe everyone" to the middleware: with no trusted proxy, read no header.
            o.ForwardedHeaders = trusted.Length == 0
                ? ForwardedHeaders.None
                : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
            proxies.ForEach(o.KnownProxies.Add);
            networks.ForEach(o.KnownIPNetworks.Add);
        });
        // One line per entry, control characters escaped, the correlation id a field; JSON by configuration.
        builder.Logging.AddConsole(o => o.FormatterName = builder.Configuration["Logging:Console:FormatterName"] ?? TextConsoleFormatter.Name)
            .AddConsoleFormatter<TextConsoleFormatter, ConsoleFormatterOptions>();
        builder.Services.Configure<JsonConsoleFormatterOptions>(o => o.IncludeScopes = true);
        builder.Services.AddSingleton<Draining>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<Draining>());
        builder.Services.AddHealthChecks().AddCheck<Draining>("draining", tags: [ReadyTag]);
        builder.AddOpenTelemetry(target);
        builder.AddMarketplaceAuthentication(target);
        return builder;
    }

    /// <summary>
    /// Traces and metrics, only where a collector is configured (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>): without
    /// an exporter they would still be recorded for every request, query and message, then dropped (the
    /// negotiation benchmark measured that cost on every action).
    /// </summary>
    private static void AddOpenTelemetry(this WebApplicationBuilder builder, HostingTarget target)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            return;
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService($"marketplace-{target.Name}"))
            .WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.Filter = ctx => !ctx.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                .AddSource("MassTransit")
                .AddSource("Npgsql"))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("MassTransit"))
            .UseOtlpExporter();
    }

    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        // Client address and scheme as the gateway saw them (X-Forwarded-*, from trusted proxies only).
        app.UseForwardedHeaders();
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseQueryInputRules();
        MaxBodySize.Use(app);
        return app;
    }

    /// <summary>
    /// <c>/health/live</c>: the process answers. <c>/health/ready</c>: every dependency tagged
    /// <see cref="ReadyTag"/> (databases, the bus) answers too.
    /// </summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false })
            .AllowAnonymous().ExcludeFromDescription();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = HealthReportWriter.WriteAsync,
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
