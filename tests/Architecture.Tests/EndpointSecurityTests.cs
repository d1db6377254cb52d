using Marketplace.Host;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Architecture.Tests;

/// <summary>Deny by default: every endpoint states who may call it, either a policy or an explicit "anonymous".</summary>
[Trait("Speed", "Fast")]
public sealed class EndpointSecurityTests
{
    [Fact]
    public async Task Every_endpoint_declares_its_authorisation()
    {
        var dataFolder = Directory.CreateTempSubdirectory("marketplace-arch-").FullName;
        await using var app = MarketplaceApp.Build("all", [$"--Marketplace:DataFolder={dataFolder}"]);
        var endpoints = ((IEndpointRouteBuilder)app).DataSources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>().ToList();

        Assert.NotEmpty(endpoints);
        var undeclared = endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null && e.Metadata.GetMetadata<IAuthorizeData>() is null)
            .Select(e => e.RoutePattern.RawText)
            .ToList();
        Assert.True(undeclared.Count == 0, $"Endpoints without an explicit authorisation: {string.Join(", ", undeclared)}");
    }
}
