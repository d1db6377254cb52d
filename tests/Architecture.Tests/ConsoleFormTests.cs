using System.Text.RegularExpressions;
using Marketplace.TestSupport;

namespace Marketplace.Architecture.Tests;

/// <summary>
/// A console page may render while it is still loading (at any await of its initialisation), and an
/// <c>EditForm</c> without a model throws: each form's model is set before the page first awaits, or the form is shown
/// only once its model is there (<c>@if (Form is not null)</c>). A provider's dataset page once set its standard-terms
/// form after loading and answered 500 when it rendered in between.
/// </summary>
[Trait("Speed", "Fast")]
public sealed partial class ConsoleFormTests
{
    [Fact]
    public void Every_posted_form_model_is_set_before_the_page_first_awaits()
    {
        var pages = Directory.EnumerateFiles(Path.Combine(TestServices.RepositoryRoot, "src", "Web", "Components"), "*.razor", SearchOption.AllDirectories)
            .Select(f => (Name: Path.GetFileName(f), Text: File.ReadAllText(f)))
            .Where(p => p.Text.Contains("[SupplyParameterFromForm", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(pages);
        var late = new List<string>();
        foreach (var (name, text) in pages)
        {
            var lifecycle = Lifecycle().Match(text);
            Assert.True(lifecycle.Success, $"{name} binds forms but has no OnInitialized or OnParametersSet");
            var body = text[lifecycle.Index..];
            var firstAwait = body.IndexOf("await ", StringComparison.Ordinal);
            foreach (Match posted in PostedModel().Matches(text))
            {
                var assignment = Regex.Match(body, $@"(\w+) = {posted.Groups[1].Value}\b");
                var guarded = assignment.Success && text.Contains($"@if ({assignment.Groups[1].Value} is not null)", StringComparison.Ordinal);
                if (!assignment.Success || (!guarded && firstAwait >= 0 && assignment.Index > firstAwait))
                {
                    late.Add($"{name}: {posted.Groups[1].Value}");
                }
            }
        }

        Assert.Empty(late);
    }

    [GeneratedRegex(@"protected override (?:async Task|void) On(?:Initialized|ParametersSet)(?:Async)?\(\)")]
    private static partial Regex Lifecycle();

    [GeneratedRegex(@"\[SupplyParameterFromForm[^\]]*\]\s*(?:private|public)\s+\w+\?\s+(\w+)\s*\{")]
    private static partial Regex PostedModel();
}
