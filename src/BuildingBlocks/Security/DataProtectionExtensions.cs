using Marketplace.BuildingBlocks.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.BuildingBlocks.Security;

public static class DataProtectionExtensions
{
    /// <summary>Where the keys live unless configured: beside the development token keys, in the private data folder.</summary>
    public const string KeysFolderKey = "Marketplace:DataProtection:KeysFolder";

    /// <summary>
    /// ASP.NET Core Data Protection for what a module keeps secret at rest or in a browser (Identity's sign-in
    /// cookie and anti-forgery tokens, Contracts' platform signing keys). The key ring is a folder of its own,
    /// outside every database, so a copy of a database alone reveals no secret. Replicas of a module share it.
    /// </summary>
    public static WebApplicationBuilder AddMarketplaceDataProtection(this WebApplicationBuilder builder)
    {
        var folder = builder.Configuration[KeysFolderKey] is { Length: > 0 } configured
            ? configured
            : Path.Combine(builder.Configuration.GetMarketplaceOptions().DataFolder, "keys", "data-protection");
        builder.Services.AddDataProtection()
            .SetApplicationName("marketplace")
            .PersistKeysToFileSystem(new DirectoryInfo(PrivateFolder.Ensure(folder)));
        return builder;
    }
}
