using Marketplace.BuildingBlocks.Hosting;
using Marketplace.BuildingBlocks.Messaging;
using Marketplace.BuildingBlocks.Security;
using Marketplace.BuildingBlocks.ServiceDefaults;
using Marketplace.Contracts.Apis;
using Marketplace.Contracts.Infrastructure;
using Marketplace.Contracts.IntegrationEvents;
using Marketplace.Contracts.Negotiations;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Contracts;

/// <summary>Contract brokering between buyers and providers (not a folder of message contracts).</summary>
public sealed class ContractsModule : DataModule<ContractsDb>
{
    public const string ModuleName = "contracts";

    public override string Name => ModuleName;

    protected override ApiDocument Document => new(
        "Marketplace Contracts",
        "Negotiations between a buyer and a provider within the dataset's price band, the signed agreement they finalize, and the access grant a provider's system verifies.",
        new Dictionary<string, string>
        {
            ["Negotiable datasets"] = "The datasets Contracts knows (fed by Catalog's events): what a negotiation can be opened on.",
            ["Standard offers"] = "Terms and a price a provider fixes in advance, which buyers request as they are — agreed at once by the platform when the provider lets it.",
            ["Negotiations"] = "Request, offer, counter, accept, agree, finalize or terminate: the contract's state machine, one turn at a time.",
            ["Agreements"] = "Finalized agreements (ODRL and Korean/English text), their hash and signatures, access grants, revocations and the platform's public keys.",
        });

    protected override void AddModuleServices(WebApplicationBuilder builder)
    {
        builder.Services.Configure<ContractsOptions>(builder.Configuration.GetSection(ContractsOptions.Section));
        // The platform's signing keys are kept in the database encrypted with Data Protection.
        builder.AddMarketplaceDataProtection();
        builder.Services.AddSingleton<PlatformSigner>();
        builder.Services.AddHostedService<NegotiationExpiry>();
        // Connectors' callback addresses are theirs: no redirect followed, an answer within 10 s or the attempt failed.
        builder.Services.AddHttpClient(DspCallbackDelivery.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        builder.Services.AddHostedService<DspCallbackDelivery>();
    }

    protected override void AddModuleConsumers(IBusRegistrationConfigurator bus)
    {
        bus.AddModuleConsumer<CopyPublishedDatasetConsumer>(ModuleName);
        bus.AddModuleConsumer<CopyUpdatedDatasetConsumer>(ModuleName);
        bus.AddModuleConsumer<EndNegotiationsOnWithdrawalConsumer>(ModuleName);
        bus.AddModuleConsumer<EndNegotiationsOnSuspensionConsumer>(ModuleName);
        bus.AddModuleConsumer<KeepBaselineCopyConsumer>(ModuleName);
    }

    public override void MapEndpoints(WebApplication app)
    {
        app.MapNegotiableDatasetsApi();
        app.MapStandardOffersApi();
        app.MapDspCatalogApi();
        app.MapDspNegotiationApi();
        app.MapNegotiationsApi();
        app.MapAgreementsApi();
    }
}
