using System.Net;
using Marketplace.BuildingBlocks.Hosting;
using Marketplace.BuildingBlocks.ServiceDefaults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Marketplace.BuildingBlocks.Tests;

/// <summary>Trusted proxies are addresses or networks (a gateway in a container has no address known ahead); a typo stops the start.</summary>
[Trait("Speed", "Fast")]
public sealed class TrustedProxiesTests
{
    [Fact]
    public void Addresses_and_networks_are_both_trusted()
    {
        var builder = Builder("127.0.0.1", "10.0.0.0/8");
        builder.AddServiceDefaults(new HostingTarget("catalog"));
        using var services = builder.Services.BuildServiceProvider();
        var options = services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;

        Assert.Equal([IPAddress.Loopback], options.KnownProxies);
        Assert.Equal([System.Net.IPNetwork.Parse("10.0.0.0/8")], options.KnownIPNetworks);
        Assert.True(options.ForwardedHeaders.HasFlag(ForwardedHeaders.XForwardedFor));
    }

    [Fact]
    public void An_entry_that_is_neither_stops_the_start_naming_the_setting_and_the_entry()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Builder("0.0.0.0/99").AddServiceDefaults(new HostingTarget("catalog")));
        Assert.Contains("Marketplace:TrustedProxies: '0.0.0.0/99'", error.Message, StringComparison.Ordinal);
    }

    private static WebApplicationBuilder Builder(params string[] proxies)
    {
        var builder = WebApplication.CreateBuilder();
        for (var i = 0; i < proxies.Length; i++)
        {
            builder.Configuration[$"Marketplace:TrustedProxies:{i}"] = proxies[i];
        }

        return builder;
    }
}
