using Xunit;
using Xunit.Abstractions;

namespace Marketplace.TestSupport;

/// <summary>
/// How long a test class or collection ran in a CI run (seconds), as a hint for <see cref="LongestFirst"/>; its tests
/// never depend on it.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RunsAboutAttribute(int seconds) : Attribute
{
    public int Seconds { get; } = seconds;
}

/// <summary>
/// Starts the longest collections first (<see cref="RunsAboutAttribute"/>), the rest after in xUnit's own order: with
/// two collections at a time, a long one started last would run on alone while the other slot idles.
/// </summary>
public sealed class LongestFirst : ITestCollectionOrderer
{
    public const string TypeName = "Marketplace.TestSupport.LongestFirst";
    public const string AssemblyName = "Marketplace.TestSupport";

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderByDescending(SecondsOf);

    private static int SecondsOf(ITestCollection collection)
    {
        // A class without a collection of its own is in xUnit's "Test collection for <class>".
        var type = collection.CollectionDefinition
            ?? collection.TestAssembly.Assembly.GetType(collection.DisplayName.Replace("Test collection for ", "", StringComparison.Ordinal));
        var hint = type?.GetCustomAttributes(typeof(RunsAboutAttribute).AssemblyQualifiedName).FirstOrDefault();
        return hint?.GetConstructorArguments().OfType<int>().FirstOrDefault() ?? 0;
    }
}
