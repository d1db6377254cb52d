using System.Globalization;
using System.Text;

namespace Marketplace.Catalog.Domain;

/// <summary>
/// The one tokenisation both stores search with. Words are lower-cased (NFKC); runs of Hangul become
/// overlapping two-syllable tokens, so a part of a compound (사출 in 사출성형기) matches, as CJK search
/// engines' bigram analysers do; English words take one spelling (<see cref="EnglishSynonyms"/>) and are stemmed
/// (<see cref="EnglishStemmer"/>), so "sensor" finds "sensors" and "mold" finds "moulding". A query matches a
/// document holding every one of the query's tokens.
/// </summary>
public static class SearchTokens
{
    public const int MaxTokenLength = 100;

    /// <summary>Raised whenever tokens change: stored datasets are re-tokenised at start-up (see SearchIndexUpgrade).</summary>
    public const int Version = 2;

    public static IReadOnlyList<string> Of(string? text)
    {
        var tokens = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return tokens;
        }

        var normalised = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var run = new StringBuilder();
        var runIsHangul = false;
        foreach (var ch in normalised)
        {
            var isHangul = IsHangul(ch);
            var isWordChar = isHangul || char.IsLetterOrDigit(ch);
            if (!isWordChar || (run.Length > 0 && isHangul != runIsHangul))
            {
                Flush(run, runIsHangul, tokens);
            }

            if (isWordChar)
            {
                run.Append(ch);
                runIsHangul = isHangul;
            }
        }

        Flush(run, runIsHangul, tokens);
        return tokens;
    }

    /// <summary>Distinct tokens of all the texts, space-separated: what is stored and indexed.</summary>
    public static string Document(IEnumerable<string?> texts) =>
        string.Join(' ', texts.SelectMany(Of).Distinct(StringComparer.Ordinal));

    private static void Flush(StringBuilder run, bool hangul, List<string> tokens)
    {
        if (run.Length == 0)
        {
            return;
        }

        var word = run.ToString();
        run.Clear();
        if (word.Length > MaxTokenLength)
        {
            // Not a word anyone searches for (PostgreSQL would drop it from the index too).
            return;
        }

        if (!hangul)
        {
            tokens.Add(EnglishStemmer.Stem(EnglishSynonyms.Of(word)));
            return;
        }

        if (word.Length == 1)
        {
            tokens.Add(word);
            return;
        }

        for (var i = 0; i + 1 < word.Length; i++)
        {
            tokens.Add(word.Substring(i, 2));
        }
    }

    private static bool IsHangul(char ch) =>
        CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.OtherLetter && ch is (>= '\uAC00' and <= '\uD7A3') or (>= '\u1100' and <= '\u11FF') or (>= '\u3130' and <= '\u318F');
}
