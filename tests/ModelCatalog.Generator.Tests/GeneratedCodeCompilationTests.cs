using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ModelCatalog.Generator.Tests.Infrastructure;
using Xunit;

namespace ModelCatalog.Generator.Tests;

/// <summary>
/// Generated code compiles without a single warning (warnings are errors here) for the real catalogs, under C# 7.3 and
/// latest, with nullable on and off, and as public API with documentation warnings on.
/// </summary>
public sealed class GeneratedCodeCompilationTests
{
    [Theory]
    [InlineData(LanguageVersion.CSharp7_3, NullableContextOptions.Disable, false)]
    [InlineData(LanguageVersion.Latest, NullableContextOptions.Enable, false)]
    [InlineData(LanguageVersion.Latest, NullableContextOptions.Disable, true)]
    [InlineData(LanguageVersion.CSharp7_3, NullableContextOptions.Disable, true)]
    public void EveryFeatureCatalogCompilesClean(LanguageVersion version, NullableContextOptions nullable, bool publicWithDocs) =>
        AssertCompiles(File.ReadAllText(Path.Combine(TestPaths.ProjectDirectory, "Catalogs", "everything.models.yaml")), version, nullable, publicWithDocs);

    [Fact]
    public void ModelsDevCatalogCompilesCleanAsPublicDocumentedCSharp73() =>
        AssertCompiles(TestPaths.ReadShared("catalogs/models-dev.yaml"), LanguageVersion.CSharp7_3, NullableContextOptions.Disable, publicWithDocs: true);

    [Fact]
    public void LiteLlmCatalogCompilesCleanWithNullable() =>
        AssertCompiles(TestPaths.ReadShared("catalogs/litellm.yaml"), LanguageVersion.Latest, NullableContextOptions.Enable, publicWithDocs: false);

    [Fact]
    public void ModelsDevCatalogHasOnlyTheDocumentedWarnings()
    {
        var compiled = CatalogCompiler.Compile(TestPaths.ReadShared("catalogs/models-dev.yaml"), default);
        var counts = compiled.Diagnostics.GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new[] { "MC0006", "MC0010", "MC0011" }, counts.Keys.OrderBy(k => k).ToArray());
        Assert.Equal(1, counts["MC0006"]);   // 302ai's ${302AI_API_KEY} is not a reference (digit first)
        Assert.Equal(84, counts["MC0010"]);
        Assert.Equal(1, counts["MC0011"]);   // claude-3-5-haiku / claude-3.5-haiku in cloudflare-ai-gateway
        Assert.Equal(149, compiled.Spec.Providers.Count); // four of the six built-in providers are in the file too, merged (not minimax-portal*)
        var claudinio = compiled.Spec.Providers.Single(p => p.Id == "claudinio");
        Assert.Equal("Claudinio_", claudinio.Models.Single(m => m.Id == "claudinio").MemberName);
        Assert.Null(compiled.Spec.Providers.Single(p => p.Id == "302ai").ApiKey);
        Assert.Equal("${LMSTUDIO_API_KEY}", compiled.Spec.Providers.Single(p => p.Id == "lmstudio").ApiKey);
    }

    [Fact]
    public void LiteLlmCatalogHasOnlyTheDocumentedWarnings()
    {
        var compiled = CatalogCompiler.Compile(TestPaths.ReadShared("catalogs/litellm.yaml"), default);
        var counts = compiled.Diagnostics.GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new[] { "MC0010", "MC0011" }, counts.Keys.OrderBy(k => k).ToArray());
        Assert.Equal(9, counts["MC0010"]);
        Assert.Equal(2, counts["MC0011"]);
        var replaced = CatalogCompiler.Compile(Replace(TestPaths.ReadShared("catalogs/litellm.yaml")), default).Spec;
        Assert.Equal(90, replaced.Providers.Count);
        Assert.Equal(2406, replaced.Providers.Sum(p => p.Models.Count));
    }

    [Fact]
    public void ModelsDevCatalogInReplaceModeHasExactlyItsOwnModels()
    {
        var replaced = CatalogCompiler.Compile(Replace(TestPaths.ReadShared("catalogs/models-dev.yaml")), default).Spec;
        Assert.Equal(147, replaced.Providers.Count);
        Assert.Equal(5276, replaced.Providers.Sum(p => p.Models.Count));
    }

    private static string Replace(string catalog) => catalog.Replace("\nmodels:\n  providers:\n", "\nmodels:\n  mode: replace\n  providers:\n");

    private static void AssertCompiles(string catalog, LanguageVersion version, NullableContextOptions nullable, bool publicWithDocs)
    {
        var compilation = GeneratorHarness.CreateCompilation(
            "class Program { static void Main() { System.Console.WriteLine(ModelIds.Minimax.MiniMaxM2_1); } }", version, nullable, publicWithDocs);
        if (publicWithDocs)
        {
            compilation = compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(new[] { new System.Collections.Generic.KeyValuePair<string, ReportDiagnostic>("CS1591", ReportDiagnostic.Error) }));
        }

        var properties = publicWithDocs
            ? new[] { ("build_property.ModelCatalogNamespace", ""), ("build_property.ModelCatalogVisibility", "public") }
            : new[] { ("build_property.RootNamespace", "") };
        var (output, sources) = GeneratorHarness.Run(catalog, compilation, properties);
        Assert.NotEmpty(sources);
        Assert.Equal(version >= LanguageVersion.CSharp8, sources.Values.All(s => s.Contains("#nullable enable")));
        GeneratorHarness.AssertCompilesClean(output);
    }
}
