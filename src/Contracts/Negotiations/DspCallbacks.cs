using System.Net.Http.Headers;
using System.Text;
using Marketplace.BuildingBlocks.Hosting;
using Marketplace.BuildingBlocks.IntegrationEvents;
using Marketplace.BuildingBlocks.Persistence;
using Marketplace.Contracts.Domain;
using Marketplace.Contracts.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Marketplace.Contracts.Negotiations;

/// <summary>
/// The marketplace's messages to connectors (Dataspace Protocol, provider side; <see cref="NegotiationEvents.Record(ContractsDb, Negotiation, IIntegrationEvent, string?)"/>
/// writes those a negotiation's move owes with the move): their delivery to the connector's callback address — in order
/// per negotiation, retried with back-off until the connector answers 2xx; a message that failed for <see cref="ContractsOptions.CallbackGiveUpAfter"/> is abandoned and
/// its negotiation, if still open, terminated by the platform (<c>connector-unreachable</c>).
/// </summary>
public static class DspCallbacks
{
    /// <summary>The platform's reason for a negotiation it ends because its connector could not be reached (<see cref="TermsVocabulary.PlatformReasons"/>).</summary>
    public const string UnreachableReason = "connector-unreachable";

    /// <summary>Sends the first open message of each negotiation that is due.</summary>
    public static async Task DeliverDueAsync(
        ContractsDb db, HttpClient http, PlatformSigner signer, string root, DateTime now, ContractsOptions options, ILogger logger, CancellationToken ct)
    {
        // The negotiations with a message due; of each, its oldest open message, sent only when that one is due (so a
        // connector away for long holds back its own negotiations' later messages, and no one else's).
        var due = await db.DspCallbacks.Where(c => c.DeliveredAt == null && c.AbandonedAt == null && c.NextAttemptAt <= now)
            .Select(c => c.NegotiationId).Distinct().OrderBy(id => id).Take(100).ToListAsync(ct);
        var open = await db.DspCallbacks.Where(c => c.DeliveredAt == null && c.AbandonedAt == null && due.Contains(c.NegotiationId)).ToListAsync(ct);
        foreach (var callback in open.GroupBy(c => c.NegotiationId).Select(g => g.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).First()).Where(c => c.NextAttemptAt <= now))
        {
            var n = await db.Negotiations.FirstAsync(x => x.Id == callback.NegotiationId, ct);
            var agreement = n.AgreementId is { } a ? await db.Agreements.AsNoTracking().FirstOrDefaultAsync(x => x.Id == a, ct) : null;
            var (path, message) = DspNegotiation.Callback(callback.Message, n, agreement, root);
            var address = $"{n.DspCallbackAddress}/negotiations/{Uri.EscapeDataString(n.DspConsumerPid!)}/{path}";
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, address)
                {
                    Content = new StringContent(message.ToJsonString(), Encoding.UTF8, "application/json"),
                };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await signer.CallbackTokenAsync(n.DspParticipantId ?? "", n.Id, now, ct));
                using var response = await http.SendAsync(request, ct);
                if (!response.IsSuccessStatusCode)
                {
                    throw new HttpRequestException($"{(int)response.StatusCode} {response.ReasonPhrase}");
                }

                callback.Delivered(now);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                if (callback.Failed(e.Message, now, options.CallbackFirstRetry, options.CallbackLongestRetry, options.CallbackGiveUpAfter))
                {
                    logger.LogError("The {Message} for negotiation {Negotiation} could not reach {Address} for {Period}; abandoned: {Error}",
                        callback.Message, n.Id, address, options.CallbackGiveUpAfter, e.Message);
                    if (n.EndByPlatform(UnreachableReason, now))
                    {
                        await EndNegotiations.RecordAsync(db, n, now, ct);
                    }
                }
                else
                {
                    logger.LogWarning("The {Message} for negotiation {Negotiation} did not reach {Address} (attempt {Attempt}): {Error}; next at {Next:O}",
                        callback.Message, n.Id, address, callback.Attempts, e.Message, callback.NextAttemptAt);
                }
            }

            await db.SaveChangesAsync(ct);
        }
    }
}

/// <summary>Delivers connectors' messages every <see cref="ContractsOptions.CallbackPollInterval"/>, one replica at a time.</summary>
public sealed class DspCallbackDelivery(
    IServiceScopeFactory scopes, IHttpClientFactory clients, PlatformSigner signer, PublicAddress address, TimeProvider clock,
    IOptions<ContractsOptions> options, ILogger<DspCallbackDelivery> logger) : BackgroundService
{
    public const string HttpClientName = "dsp-callbacks";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CallbackPollInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<ContractsDb>();
                var now = clock.GetUtcNow().UtcDateTime;
                // Mostly nothing is owed: one indexed read, before the cluster lock's connection of its own (PostgreSQL).
                if (!await db.DspCallbacks.AnyAsync(c => c.DeliveredAt == null && c.AbandonedAt == null && c.NextAttemptAt <= now, stoppingToken))
                {
                    continue;
                }

                await using var alone = await ClusterLock.TryAcquireAsync(db, "dsp-callbacks", stoppingToken);
                if (alone is null)
                {
                    continue;
                }

                await DspCallbacks.DeliverDueAsync(db, clients.CreateClient(HttpClientName), signer, address.Root, now, options.Value, logger, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database away, or a concurrent change of the negotiation: the next round retries.
                logger.LogWarning(ex, "Delivering connectors' messages failed; retrying at the next round");
            }
        }
    }
}
