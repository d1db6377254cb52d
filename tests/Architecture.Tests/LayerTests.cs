using ArchUnitNET.Domain;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnit;
using Marketplace.Host;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace Marketplace.Architecture.Tests;

/// <summary>
/// Inside a module: <c>Domain/</c> is plain C# (no EF Core, no ASP.NET, nothing of the module's other folders), and
/// the folders of a module (Apis, use cases such as Negotiations, IntegrationEvents, Infrastructure, Domain) depend on
/// each other without cycles, so each can be read from the bottom up (docs/architecture.md, "Inside a module").
/// </summary>
[Trait("Speed", "Fast")]
public sealed class LayerTests
{
    private static readonly ArchUnitNET.Domain.Architecture Marketplace = new ArchLoader()
        .LoadAssemblies([.. Modules.All.Select(m => m.GetType().Assembly), typeof(Modules).Assembly, typeof(BuildingBlocks.Persistence.ModuleDbContext).Assembly])
        .Build();

    public static TheoryData<string> ModuleNames() => [.. Modules.All.Select(m => m.GetType().Assembly.GetName().Name!.Replace("Marketplace.", "", StringComparison.Ordinal))];

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void Domain_depends_on_neither_EF_Core_nor_ASP_NET_nor_the_rest_of_its_module(string module)
    {
        var domain = Types().That().ResideInNamespaceMatching($@"^Marketplace\.{module}\.Domain(\..*)?$");
        if (!domain.GetObjects(Marketplace).Any())
        {
            return; // A module without a domain (the gateway).
        }

        domain.Should().NotDependOnAny(Types().That()
                .ResideInNamespaceMatching(@"^Microsoft\.(EntityFrameworkCore|AspNetCore)(\..*)?$")
                .Or().ResideInNamespaceMatching($@"^Marketplace\.{module}\.(?!Domain)\w+(\..*)?$"))
            .Because("the domain is the module's rules, readable and testable without a database or a web server")
            .Check(Marketplace);
    }

    [Fact]
    public void The_folders_of_a_module_depend_on_each_other_without_cycles()
    {
        // A folder is the namespace's first two parts after "Marketplace." (Contracts.Negotiations); sub-namespaces
        // (Infrastructure.EntityConfigurations, .Migrations) belong to their folder. BuildingBlocks is not held to this
        // yet: its folders (Hosting, Persistence, Messaging, Security, ServiceDefaults) wire each other up.
        static string? FolderOf(IType type) =>
            type.Namespace?.FullName.Split('.') is ["Marketplace", var module, var folder, ..] && module != "BuildingBlocks" ? $"{module}.{folder}" : null;

        var edges = Marketplace.Types
            .SelectMany(t => t.Dependencies.Select(d => (From: FolderOf(t), To: FolderOf(d.Target), Example: $"{t.FullName} -> {d.Target.FullName}")))
            .Where(e => e.From is not null && e.To is not null && e.From != e.To)
            .GroupBy(e => (e.From!, e.To!))
            .ToDictionary(g => g.Key, g => g.First().Example);
        var next = edges.Keys.GroupBy(e => e.Item1).ToDictionary(g => g.Key, g => g.Select(e => e.Item2).ToList());

        // Depth-first search; a folder met again on the current path closes a cycle.
        var done = new HashSet<string>();
        var path = new List<string>();
        List<string>? Cycle(string folder)
        {
            if (path.IndexOf(folder) is var at and >= 0)
            {
                return [.. path[at..], folder];
            }

            if (!done.Add(folder))
            {
                return null;
            }

            path.Add(folder);
            foreach (var to in next.GetValueOrDefault(folder, []))
            {
                if (Cycle(to) is { } found)
                {
                    return found;
                }
            }

            path.RemoveAt(path.Count - 1);
            return null;
        }

        var cycle = next.Keys.Order().Select(Cycle).FirstOrDefault(c => c is not null);
        Assert.True(cycle is null, cycle is null ? "" : "A cycle between folders:\n" + string.Join("\n",
            cycle.Zip(cycle.Skip(1), (from, to) => $"{from} -> {to}   (e.g. {edges[(from, to)]})")));
    }
}
