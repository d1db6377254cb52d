using Marketplace.Contracts.Domain;

namespace Marketplace.Contracts.Tests;

/// <summary>A connector's message is retried with back-off, doubling up to a longest wait, and abandoned after the give-up period.</summary>
[Trait("Speed", "Fast")]
public sealed class DspCallbackTests
{
    private static readonly DateTime Written = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Each_failure_doubles_the_wait_up_to_the_longest_and_after_the_give_up_period_the_message_is_abandoned()
    {
        var callback = DspCallback.For(Guid.NewGuid(), DspCallbackMessage.Agreement, Written);
        Assert.Equal(Written, callback.NextAttemptAt);

        var waits = new List<TimeSpan>();
        var now = Written;
        for (var i = 0; i < 12; i++)
        {
            Assert.False(callback.Failed("503 Service Unavailable", now, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10), TimeSpan.FromHours(24)));
            waits.Add(callback.NextAttemptAt - now);
            now = callback.NextAttemptAt;
        }

        Assert.Equal([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 600, 600], waits.Select(w => w.TotalSeconds));
        Assert.Equal((12, "503 Service Unavailable", null), (callback.Attempts, callback.LastError, callback.AbandonedAt));

        Assert.True(callback.Failed("connection refused", Written.AddHours(24), TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10), TimeSpan.FromHours(24)));
        Assert.Equal(Written.AddHours(24), callback.AbandonedAt);
        Assert.Null(callback.DeliveredAt);
    }

    [Fact]
    public void A_delivery_is_recorded_with_its_attempt_and_clears_the_last_error()
    {
        var callback = DspCallback.For(Guid.NewGuid(), DspCallbackMessage.Finalized, Written);
        callback.Failed(new string('x', 600), Written, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10), TimeSpan.FromHours(24));
        Assert.Equal(500, callback.LastError!.Length);

        callback.Delivered(Written.AddSeconds(1));
        Assert.Equal((2, Written.AddSeconds(1), (string?)null), (callback.Attempts, callback.DeliveredAt, callback.LastError));
    }
}
