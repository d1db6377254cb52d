using System.Globalization;
using Marketplace.Web.Session;

namespace Marketplace.Web;

/// <summary>Numbers, won amounts, dates and bilingual labels in the person's language.</summary>
public static class Display
{
    private static readonly TimeZoneInfo Seoul = FindSeoul();

    public static bool IsEnglish => CultureInfo.CurrentUICulture.Name == ConsoleCulture.English;

    /// <summary>The Korean or English text, whichever the person reads; the other when only it exists.</summary>
    public static string Pick(string? ko, string? en) => (IsEnglish ? en ?? ko : ko ?? en) ?? "";

    /// <summary>1,200,000원 in Korean, KRW 1,200,000 in English.</summary>
    public static string Won(decimal? amount) => amount is not { } a ? "—"
        : IsEnglish ? $"KRW {a.ToString("#,0", CultureInfo.CurrentCulture)}" : $"{a.ToString("#,0", CultureInfo.CurrentCulture)}원";

    public static string Number(long? value) => value?.ToString("#,0", CultureInfo.CurrentCulture) ?? "—";

    public static string Date(DateOnly? date) => date?.ToString("d", CultureInfo.CurrentCulture) ?? "—";

    /// <summary>An API date (<c>2023-01-31</c>) in the person's format.</summary>
    public static string Date(string? isoDate) =>
        Date(DateOnly.TryParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null);

    /// <summary>An instant in Korea's time, where the marketplace's contracts are governed.</summary>
    public static string Time(DateTime? utc) => utc is { } t
        ? TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(t, DateTimeKind.Utc), Seoul).ToString("g", CultureInfo.CurrentCulture) + " KST"
        : "—";

    public static string Percent(decimal? share) => share?.ToString("P0", CultureInfo.CurrentCulture) ?? "—";

    private static TimeZoneInfo FindSeoul()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("KST", TimeSpan.FromHours(9), "Korea Standard Time", "KST");
        }
    }
}
