using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using ModelCatalog.Generator.Tests.Infrastructure;
using ModelCatalog.Generator.Emitting;
using ModelCatalog.Generator.Upstream;
using Xunit;

namespace ModelCatalog.Generator.Tests;

/// <summary>
/// README.md, "Test projects and split libraries": the catalog manifest compiled into a catalog project's assembly
/// reproduces its refs and generated names, carries no key, and makes a referencing project without a catalog file
/// generate nothing (it uses the upstream types).
/// </summary>
public sealed class UpstreamCatalogTests
{
    private static readonly string Everything = File.ReadAllText(Path.Combine(TestPaths.ProjectDirectory, "Catalogs", "everything.models.yaml"));

    [Fact]
    public void ManifestReproducesProvidersModelsNamesAndAliases()
    {
        var spec = CatalogCompiler.Compile(Everything, default).Spec;
        var back = CatalogCompiler.Compile(CatalogManifest.Write(spec), default);

        Assert.DoesNotContain(back.Diagnostics, d => d.Id != "MC0011" && d.Id != "MC0006"); // collisions are re-reported, at the manifest's positions
        Assert.Equal(spec.Providers.Select(p => (p.Id, p.ClassName)), back.Spec.Providers.Select(p => (p.Id, p.ClassName)));
        Assert.Equal(spec.Providers.SelectMany(p => p.Models.Select(m => (p.Id, m.Id, m.MemberName))),
            back.Spec.Providers.SelectMany(p => p.Models.Select(m => (p.Id, m.Id, m.MemberName))));
        Assert.Equal(spec.Aliases, back.Spec.Aliases);
        Assert.Equal(spec.Primary, back.Spec.Primary);
        Assert.Equal(spec.Fallbacks, back.Spec.Fallbacks);
        Assert.Equal(spec.Allowlist, back.Spec.Allowlist);
    }

    [Fact]
    public void ManifestKeepsReplaceModeExclusionsAndNoKeys()
    {
        const string Catalog = "env:\n  SECRET_ENV: sk-env-value-123\nmodels:\n  mode: replace\n  providers:\n    acme:\n      baseUrl: https://acme.example/v1\n      api: openai-completions\n      apiKey: sk-literal-secret-456\n      headers: { X-Api-Key: hdr-secret-789 }\n      models: [{ id: a }]\n";
        var spec = CatalogCompiler.Compile(Catalog, default).Spec;
        var manifest = CatalogManifest.Write(spec);

        Assert.Equal(new[] { "anthropic", "openai", "minimax", "minimax-cn", "minimax-portal", "minimax-portal-cn" }, CatalogCompiler.Compile(manifest, default).Spec.ExcludedBuiltIns);
        foreach (var secret in new[] { "sk-env-value-123", "sk-literal-secret-456", "hdr-secret-789" })
        {
            Assert.DoesNotContain(secret, manifest);
        }
    }

    [Fact]
    public void ReferencingProjectWithoutCatalogGeneratesNothingAndUsesTheUpstreamTypes()
    {
        var (upstream, upstreamSources) = GeneratorHarness.Run(Everything, GeneratorHarness.CreateCompilation(),
            ("build_property.RootNamespace", "Demo"), ("build_property.ModelCatalogVisibility", "public"));
        Assert.Contains(ManifestEmitter.HintName, upstreamSources.Keys);
        using var image = new MemoryStream();
        Assert.True(upstream.Emit(image).Success);

        var downstream = GeneratorHarness.CreateCompilation(
            "class Program { static void Main() { System.Console.WriteLine(Demo.ModelIds.Acme.AcmeLarge2_1 + Demo.GeneratedModelCatalog.Instance.Providers.Count); } }")
            .AddReferences(MetadataReference.CreateFromImage(image.ToArray()));
        var (output, sources) = GeneratorHarness.Run(null, downstream, ("build_property.RootNamespace", "Tests"));

        Assert.Empty(sources);
        GeneratorHarness.AssertCompilesClean(output);
    }

    [Fact]
    public void ProjectWithoutCatalogAndWithoutUpstreamStillGetsTheBuiltInCatalog()
    {
        var (_, sources) = GeneratorHarness.Run(null);
        Assert.Contains("ModelCatalog.g.cs", sources.Keys);
        Assert.DoesNotContain(ManifestEmitter.HintName, sources.Keys);
    }
}
