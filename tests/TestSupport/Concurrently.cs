using System.Net;

namespace Marketplace.TestSupport;

/// <summary>The same request many times at once, released together, as racing clients send it.</summary>
public static class Concurrently
{
    public sealed record Answer(HttpStatusCode Status, string? MediaType, string Body);

    public static async Task<Answer[]> SendAsync(int times, Func<Task<HttpResponseMessage>> send)
    {
        using var start = new SemaphoreSlim(0);
        var attempts = Enumerable.Range(0, times).Select(async _ =>
        {
            await start.WaitAsync();
            using var response = await send();
            return new Answer(response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
        }).ToList();
        start.Release(times);
        return await Task.WhenAll(attempts);
    }

    /// <summary>Every answer is a success or a 409 problem (never a 500); returns how many succeeded.</summary>
    public static int SucceededOrConflicted(Answer[] answers)
    {
        var unexpected = answers.Where(a => !((int)a.Status is >= 200 and < 300 || (a.Status == HttpStatusCode.Conflict && a.MediaType == "application/problem+json"))).ToList();
        Assert.True(unexpected.Count == 0, $"{unexpected.Count} answers were neither a success nor a 409 problem: {string.Join("; ", unexpected.Take(3).Select(a => $"{(int)a.Status} {a.Body}"))}");
        return answers.Count(a => (int)a.Status is >= 200 and < 300);
    }
}
