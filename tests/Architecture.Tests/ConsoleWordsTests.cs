using System.Text.RegularExpressions;
using System.Xml.Linq;
using Marketplace.TestSupport;

namespace Marketplace.Architecture.Tests;

/// <summary>The console says everything in Korean and in English: one resource file each, the same keys in both.</summary>
[Trait("Speed", "Fast")]
public sealed partial class ConsoleWordsTests
{
    private static readonly string Web = Path.Combine(TestServices.RepositoryRoot, "src", "Web");

    private static HashSet<string> Keys(string file) =>
        [.. XDocument.Load(Path.Combine(Web, "Resources", file)).Root!.Elements("data").Select(d => d.Attribute("name")!.Value)];

    [Fact]
    public void Korean_and_english_have_the_same_words_and_none_is_empty()
    {
        var korean = Keys("Text.resx");
        var english = Keys("Text.en.resx");
        Assert.Empty(korean.Except(english));
        Assert.Empty(english.Except(korean));
        foreach (var file in new[] { "Text.resx", "Text.en.resx" })
        {
            var empty = XDocument.Load(Path.Combine(Web, "Resources", file)).Root!.Elements("data")
                .Where(d => string.IsNullOrWhiteSpace(d.Element("value")?.Value)).Select(d => d.Attribute("name")!.Value);
            Assert.Empty(empty);
        }
    }

    [Fact]
    public void Every_word_a_page_asks_for_by_name_exists()
    {
        var keys = Keys("Text.resx");
        var asked = Directory.EnumerateFiles(Path.Combine(Web, "Components"), "*.razor", SearchOption.AllDirectories)
            .SelectMany(f => LiteralKey().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups[1].Value)))
            .Where(k => !k.Key.EndsWith('.'))
            .ToList();
        Assert.NotEmpty(asked);
        Assert.Empty(asked.Where(k => !keys.Contains(k.Key)).Select(k => $"{k.File}: {k.Key}"));
    }

    [GeneratedRegex("""L\["([A-Za-z][A-Za-z0-9.]*)"[\],]""")]
    private static partial Regex LiteralKey();
}
