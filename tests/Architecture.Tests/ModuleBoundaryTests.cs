using System.Reflection;
using System.Xml.Linq;
using Marketplace.BuildingBlocks.Hosting;
using Marketplace.Host;
using Marketplace.TestSupport;

namespace Marketplace.Architecture.Tests;

/// <summary>A module references BuildingBlocks only; modules learn about each other through events.</summary>
[Trait("Speed", "Fast")]
public sealed class ModuleBoundaryTests
{
    private static readonly string[] ModuleFolders = ["Catalog", "Contracts", "Pricing", "Identity", "Gateway", "Web"];

    public static TheoryData<string> ModuleAssemblies() => [.. Modules.All.Select(m => m.GetType().Assembly.GetName().Name!)];

    [Theory]
    [MemberData(nameof(ModuleAssemblies))]
    public void Module_assembly_references_no_other_marketplace_assembly_than_building_blocks(string assemblyName)
    {
        var references = Assembly.Load(assemblyName).GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => n.StartsWith("Marketplace.", StringComparison.Ordinal));

        Assert.All(references, r => Assert.Equal("Marketplace.BuildingBlocks", r));
    }

    [Fact]
    public void Module_projects_reference_only_building_blocks()
    {
        foreach (var folder in ModuleFolders)
        {
            var project = Path.Combine(TestServices.RepositoryRoot, "src", folder, $"{folder}.csproj");
            var references = XDocument.Load(project).Descendants("ProjectReference")
                .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value));

            Assert.All(references, r => Assert.True(r == "BuildingBlocks", $"{folder} references {r}"));
        }
    }

    [Fact]
    public void Building_blocks_reference_no_module()
    {
        var references = typeof(MarketplaceModule).Assembly.GetReferencedAssemblies().Select(a => a.Name!);
        Assert.DoesNotContain(references, r => r.StartsWith("Marketplace.", StringComparison.Ordinal));
    }

    [Fact]
    public void The_console_owns_no_data_and_reaches_the_marketplace_only_through_its_public_api()
    {
        var console = Modules.All.Single(m => m.Name == "web");
        Assert.False(console.OwnsData);
        var references = console.GetType().Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) || r.StartsWith("MassTransit", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_module_folder_is_a_module_the_host_knows()
    {
        Assert.Equal(ModuleFolders.Select(f => f.ToLowerInvariant()).Order(), Modules.All.Select(m => m.Name).Order());
    }
}
