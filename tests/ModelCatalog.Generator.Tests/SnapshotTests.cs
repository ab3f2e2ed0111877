using System.Collections.Generic;
using System.IO;
using System.Linq;
using ModelCatalog.Generator.Tests.Infrastructure;
using Xunit;

namespace ModelCatalog.Generator.Tests;

/// <summary>The exact generated source for real OpenClaw configs and for a catalog exercising every feature.</summary>
public sealed class SnapshotTests
{
    [Theory]
    [InlineData("lmstudio-local.models.yaml")]
    [InlineData("minimax-api-key.models.yaml")]
    [InlineData("opus-primary-minimax-fallback.models.yaml")]
    public void SharedExample(string file) =>
        VerifyAll(Path.GetFileNameWithoutExtension(Path.GetFileNameWithoutExtension(file)), TestPaths.ReadShared(Path.Combine("examples", file)));

    [Fact]
    public void EveryFeature() =>
        VerifyAll("everything", File.ReadAllText(Path.Combine(TestPaths.ProjectDirectory, "Catalogs", "everything.models.yaml")));

    /// <summary>The catalog README.md's Getting started shows (its tour is checked against this output by ReadmeTests).</summary>
    [Fact]
    public void ReadmeCatalog() => VerifyAll("readme", ModelCatalog.Tests.Readme.ReadmeDocument.Repository.Catalog);

    [Fact]
    public void NoCatalogFileGeneratesTheBuiltInCatalog() => VerifyAll("built-in", null);

    [Fact]
    public void PublicVisibilityAndCustomNamespace()
    {
        var (_, sources) = GeneratorHarness.Run(
            "agents: { defaults: { model: minimax/MiniMax-M2.1 } }",
            null,
            ("build_property.RootNamespace", "Ignored"),
            ("build_property.ModelCatalogNamespace", "My.Models"),
            ("build_property.ModelCatalogVisibility", "public"));
        // The root file and one provider's file are enough to show visibility and namespace in every kind of file.
        Snapshot.VerifyAll("public", sources.Where(s => s.Key is "ModelCatalog.g.cs" or "ModelCatalog.Minimax.g.cs"));
    }

    private static readonly System.Lazy<IReadOnlyDictionary<string, string>> BuiltInSources = new(() => GeneratorHarness.Run(null).Sources);

    /// <summary>
    /// Snapshots every file that differs from the built-in-only output; a built-in provider's file that the catalog does
    /// not touch must equal the "built-in" snapshot's file (so each is verified once, not copied into every set).
    /// </summary>
    private static void VerifyAll(string name, string? catalog)
    {
        var (output, sources) = GeneratorHarness.Run(catalog);
        GeneratorHarness.AssertCompilesClean(output);
        var own = sources.Where(s => catalog is null || !BuiltInSources.Value.TryGetValue(s.Key, out var builtIn) || builtIn != s.Value);
        Snapshot.VerifyAll(name, own.OrderBy(s => s.Key, System.StringComparer.Ordinal));
    }
}
