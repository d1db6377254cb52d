using Marketplace.Clients.Catalog;
using Marketplace.Clients.Contracts;
using Marketplace.Clients.Identity;
using Marketplace.Clients.Pricing;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Http.HttpClientLibrary;
using CatalogModels = Marketplace.Clients.Catalog.Models;
using ContractsModels = Marketplace.Clients.Contracts.Models;
using IdentityModels = Marketplace.Clients.Identity.Models;
using PricingModels = Marketplace.Clients.Pricing.Models;

namespace Marketplace.EndToEnd.Tests.GeneratedClients;

/// <summary>
/// The demo story told only through C# clients Kiota generated from docs/openapi, as an integrator would build them:
/// register two organisations, verify them, list and publish, search in Korean, quote, negotiate with a
/// counter-offer to FINALIZED, take a grant and read its record, terminate. Every exchange is recorded for the
/// response validator.
/// </summary>
public static class GeneratedClientStory
{
    public sealed record Party(CatalogClient Catalog, ContractsClient Contracts, PricingClient Pricing, IdentityClient Identity);

    public static async Task RunAsync(Uri baseAddress, string adminClientId, string adminSecret, RecordedExchanges log)
    {
        var anonymous = await PartyAsync(baseAddress, log, credentials: null);
        var admin = await PartyAsync(baseAddress, log, (adminClientId, adminSecret));

        var providerRegistration = await RegisterAsync(anonymous, "provider");
        var buyerRegistration = await RegisterAsync(anonymous, "buyer");
        foreach (var registration in new[] { providerRegistration, buyerRegistration })
        {
            var verified = await admin.Identity.Api.Identity.Organisations[registration.Organisation!.Id!.Value].Verify.PostAsync();
            Assert.Equal(IdentityModels.OrganisationStatus.Verified, verified!.Status);
        }

        var provider = await PartyAsync(baseAddress, log, (providerRegistration.Client!.ClientId!, providerRegistration.Client.ClientSecret!));
        var buyer = await PartyAsync(baseAddress, log, (buyerRegistration.Client!.ClientId!, buyerRegistration.Client.ClientSecret!));
        var providerId = providerRegistration.Organisation!.Id!.Value;

        // List and publish a dataset; anyone finds it searching in Korean.
        var metadata = await KiotaJsonSerializer.DeserializeAsync(
            System.Text.Json.JsonSerializer.Serialize(DatasetClient.CompleteDocument("사출성형기 금형 온도 데이터"), System.Text.Json.JsonSerializerOptions.Web),
            CatalogModels.DatasetMetadata.CreateFromDiscriminatorValue);
        var draft = await provider.Catalog.Api.Catalog.Datasets.PostAsync(metadata!);
        var dataset = draft!.Id!.Value;
        var published = await provider.Catalog.Api.Catalog.Datasets[dataset].Publish.PostAsync();
        Assert.Equal(CatalogModels.DatasetStatus.Published, published!.Status);
        var found = await anonymous.Catalog.Api.Catalog.Datasets.GetAsync(r =>
        {
            r.QueryParameters.Q = "사출성형기 온도";
            r.QueryParameters.Provider = providerId;
        });
        Assert.Contains(found!.Items!, item => item.Id == dataset);

        // A quote, once Pricing has the dataset (it learns of it from Catalog's event).
        var quote = await Eventually.GetAsync(async () => await OrNullAsync(() => buyer.Pricing.Api.Pricing.Quotes.PostAsync(
            new PricingModels.QuoteRequest { DatasetId = dataset, Purpose = "research", DurationMonths = 12 })), TimeSpan.FromSeconds(30), "a quote");
        var reference = (decimal)quote.Price!.ReferencePriceKrw!.Value;
        var counterPrice = Math.Floor(((decimal)quote.Price.BandFloorKrw!.Value + reference) / 2 / 1000) * 1000;

        // Request at the reference price, offer, counter lower, offer the counter, accept, read the draft, agree, verify, finalize.
        var terms = new ContractsModels.ContractTermsRequest { Purposes = ["research"], DurationMonths = 12, Exclusive = false };
        var negotiation = await Eventually.GetAsync(async () => await OrNullAsync(() => buyer.Contracts.Api.Contracts.Negotiations.PostAsync(
            new ContractsModels.RequestNegotiationRequest { DatasetId = dataset, PriceKrw = (double)reference, Terms = terms })), TimeSpan.FromSeconds(30), "a negotiation");
        var id = negotiation.Id!.Value;
        var actions = provider.Contracts.Api.Contracts.Negotiations[id];
        await actions.Offer.PostAsync(new ContractsModels.ProposalRequest());
        await buyer.Contracts.Api.Contracts.Negotiations[id].Counter.PostAsync(new ContractsModels.ProposalRequest { PriceKrw = (double)counterPrice });
        await actions.Offer.PostAsync(new ContractsModels.ProposalRequest());
        await buyer.Contracts.Api.Contracts.Negotiations[id].Accept.PostAsync();
        // The provider reads the agreement it signs (its draft) and signs naming that document's hash.
        var toSign = await actions.AgreementDraft.GetAsync();
        var agreed = await actions.Agree.PostAsync(new ContractsModels.AgreeRequest { AgreementHash = toSign!.Hash });
        Assert.Equal((toSign.AgreementId, toSign.Hash), (agreed!.AgreementId, agreed.AgreementHash));
        var agreement = await buyer.Contracts.Api.Contracts.Agreements[agreed!.AgreementId!.Value].GetAsync();
        await buyer.Contracts.Api.Contracts.Negotiations[id].Verify.PostAsync(new ContractsModels.VerifyRequest { AgreementHash = agreement!.Hash });
        var finalized = await buyer.Contracts.Api.Contracts.Negotiations[id].Finalize.PostAsync();
        Assert.Equal("FINALIZED", finalized!.State);
        Assert.Equal((double)counterPrice, finalized.PriceKrw);

        // A grant for the provider's system, its record readable by both parties, then the agreement ends early.
        var agreementId = finalized.AgreementId!.Value;
        var grant = await buyer.Contracts.Api.Contracts.Agreements[agreementId].Grants.PostAsync();
        var record = await provider.Contracts.Api.Contracts.Agreements[agreementId].Grants[grant!.GrantId!.Value].GetAsync();
        Assert.Equal(grant.ExpiresAt, record!.ExpiresAt);
        await anonymous.Contracts.Api.Contracts.Jwks.GetAsync();
        var terminated = await provider.Contracts.Api.Contracts.Agreements[agreementId].Terminate.PostAsync(
            new ContractsModels.TerminateRequest { Reason = "no-longer-needed" });
        Assert.Equal("TERMINATED", terminated!.Status);
        var revocations = await provider.Contracts.Api.Contracts.Revocations.GetAsync();
        Assert.Contains(revocations!.Revoked!, r => r.AgreementId == agreementId);
    }

    private static async Task<IdentityModels.RegistrationResponse> RegisterAsync(Party anonymous, string role)
    {
        var number = Organisations.NewBusinessRegistrationNumber();
        var registration = await anonymous.Identity.Api.Identity.Organisations.PostAsync(new IdentityModels.RegisterOrganisationRequest
        {
            NameKo = "생성 클라이언트 제조",
            NameEn = "Generated Client Manufacturing",
            BusinessRegistrationNumber = number,
            ContactEmail = $"kiota-{number}@example.test",
            IsSme = true,
            Roles = [role],
        });
        return registration!;
    }

    /// <summary>The four generated clients over one recorded HTTP client, with an organisation's token when given.</summary>
    private static async Task<Party> PartyAsync(Uri baseAddress, RecordedExchanges log, (string Id, string Secret)? credentials)
    {
        var http = new HttpClient(log.Handler()) { BaseAddress = baseAddress, Timeout = TestServices.RequestTimeout };
        if (credentials is var (clientId, secret))
        {
            // The token comes from the OAuth 2.0 token endpoint (described by discovery, not by the API documents).
            using var tokenClient = new HttpClient { BaseAddress = baseAddress, Timeout = TestServices.RequestTimeout };
            http.DefaultRequestHeaders.Authorization = new("Bearer", await Tokens.RequestAsync(tokenClient, clientId, secret));
        }

        var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http) { BaseUrl = baseAddress.ToString().TrimEnd('/') };
        return new Party(new CatalogClient(adapter), new ContractsClient(adapter), new PricingClient(adapter), new IdentityClient(adapter));
    }

    /// <summary>The answer, or null while the service says the thing is not there yet (Kiota throws for an error status).</summary>
    private static async Task<T?> OrNullAsync<T>(Func<Task<T?>> call) where T : class
    {
        try
        {
            return await call();
        }
        catch (ApiException e) when (e.ResponseStatusCode is 404 or 422)
        {
            return null;
        }
    }
}
