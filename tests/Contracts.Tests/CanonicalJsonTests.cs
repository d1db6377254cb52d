using Marketplace.Contracts.Infrastructure;

namespace Marketplace.Contracts.Tests;

[Trait("Speed", "Fast")]
public sealed class CanonicalJsonTests
{
    [Fact]
    public void Members_are_sorted_whitespace_is_gone_and_strings_are_escaped_as_rfc_8785_says()
    {
        var canonical = CanonicalJson.Serialize(new Dictionary<string, object?>
        {
            ["b"] = new[] { 3, 1 },
            ["a"] = "줄\n\"끝\"\u0001",
            ["B"] = 1_000_000.00m,
            ["c"] = null,
            ["d"] = new Dictionary<string, object> { ["z"] = true, ["y"] = false },
        });

        Assert.Equal("{\"B\":1000000,\"a\":\"줄\\n\\\"끝\\\"\\u0001\",\"b\":[3,1],\"c\":null,\"d\":{\"y\":false,\"z\":true}}", canonical);
    }

    [Fact]
    public void The_hash_is_the_sha_256_of_the_utf8_bytes()
    {
        // sha256("{}") computed independently: printf '{}' | sha256sum
        Assert.Equal("44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a", CanonicalJson.Sha256Hex("{}"));
    }

    [Fact]
    public void Fractions_are_refused_rather_than_written_in_a_form_another_implementation_might_not_reproduce()
    {
        Assert.Throws<InvalidOperationException>(() => CanonicalJson.Serialize(new { price = 0.5m }));
    }
}
