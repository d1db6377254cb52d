using Marketplace.BuildingBlocks.Hosting;
using Marketplace.Identity.Infrastructure;

namespace Marketplace.Identity;

/// <summary>Organisations, users, API clients and the token server. Only the module's frame exists so far.</summary>
public sealed class IdentityModule : DataModule<IdentityDb>
{
    public override string Name => "identity";
}
