using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using ModelCatalog.Generator.Tests.Infrastructure;
using Xunit;

namespace ModelCatalog.Generator.Tests;

/// <summary>Compiles the generated code, loads it, and checks the runtime catalog it decodes: the compact data round-trips.</summary>
public sealed class GeneratedCatalogRuntimeTests
{
    private static readonly Assembly Consumer = Build();

    [Fact]
    public void CatalogMatchesTheYaml()
    {
        var catalog = Instance();
        Assert.Equal(new[] { "anthropic", "openai", "minimax", "minimax-cn", "minimax-portal", "minimax-portal-cn", "acme", "302ai", "claudinio", "aliases" }, catalog.Providers.Select(p => p.Id));
        var large = catalog.Resolve("large");
        Assert.Equal("acme/Acme-Large-2.1", large.Ref);
        Assert.Equal("Acme Large 2.1", large.Name);
        Assert.Equal(ModelApi.OpenAIResponses, large.Api);
        Assert.True(large.Reasoning);
        Assert.Equal(ModelInput.Text | ModelInput.Image, large.Input);
        Assert.Equal(new ModelCost(1.25m, 10m), large.Cost);
        Assert.Equal(1_000_000, large.ContextWindow);
        Assert.Equal(64_000, large.MaxTokens);
        Assert.Equal("large", large.Headers["X-Model-Tier"]);

        var small = catalog.Resolve("ACME/acme-small");
        Assert.False(small.Cost.IsKnown);
        Assert.Equal(200_000, small.ContextWindow);
        Assert.Equal(8192, small.MaxTokens);
        Assert.Equal(8000, catalog.Resolve("acme/Equals").MaxTokens); // clamped to the window
        Assert.Equal("acme/free/model:latest@2025~beta", catalog.Resolve("acme/free/model:latest@2025~beta").Ref);

        Assert.Equal("acme/acme-small", catalog.Primary);
        Assert.Equal(new[] { "acme/Acme-Large-2.1", "minimax/MiniMax-M2.1" }, catalog.Fallbacks);
        Assert.Equal("anthropic/claude-opus-4-6", catalog.Aliases["OPUS"]);
        Assert.Contains("minimax/MiniMax-M2.1", catalog.Allowlist);

        var acme = catalog.GetProvider("acme");
        Assert.Equal("https://${ACME_HOST}/v1", acme.BaseUrl);
        Assert.Equal("${ACME_API_KEY}", acme.ApiKey);
        Assert.Equal("catalog <tests> & more", acme.Headers["X-Title"]);
        Assert.True(catalog.GetProvider("claudinio").AuthHeader);
        Assert.Equal("local-placeholder", catalog.GetProvider("aliases").ApiKey);
        Assert.True(catalog.GetProvider("aliases").IsLoopback);
        Assert.Equal(new ModelCost(0.3m, 1.2m, 0.03m, 0.375m), catalog.Resolve("minimax/MiniMax-M2.1").Cost);
        Assert.Equal(204_800, catalog.Resolve("minimax/MiniMax-M2.1").ContextWindow); // built-in value kept
    }

    [Fact]
    public void GeneratedConstantsAndCostsMatchTheCatalog()
    {
        Assert.Equal("acme/Acme-Large-2.1", Constant("Demo.ModelIds+Acme", "AcmeLarge2_1"));
        Assert.Equal("acme/acme-small", Constant("Demo.ModelIds", "Primary"));
        Assert.Equal("anthropic/claude-opus-4-6", Constant("Demo.ModelIds+Aliases", "Opus"));
        Assert.Equal(new ModelCost(0.049999999999999996m, 0.6m, 0.075m, 0m), Consumer.GetType("Demo.ModelCosts+_302ai")!.GetField("Gpt4oMini")!.GetValue(null));
        var provider = (ProviderInfo)Consumer.GetType("Demo.ModelProviders")!.GetField("Aliases_")!.GetValue(null)!;
        Assert.Equal("aliases", provider.Id);
    }

    /// <summary>
    /// Every generated <c>ModelCosts</c> field, for the built-in catalog alone and for example catalogs, equals the cost the
    /// runtime catalog resolves for the <c>ModelIds</c> constant of the same name; every model has one.
    /// </summary>
    [Theory]
    [InlineData(null)]
    [InlineData("everything")]
    [InlineData("examples/opus-primary-minimax-fallback.models.yaml")]
    [InlineData("examples/lmstudio-local.models.yaml")]
    public void EveryGeneratedCostIsTheRuntimeCatalogsCost(string? catalogName)
    {
        var consumer = catalogName switch
        {
            null => Build(null),
            "everything" => Consumer,
            _ => Build(TestPaths.ReadShared(catalogName)),
        };
        var catalog = (Catalog)consumer.GetType("Demo.GeneratedModelCatalog")!.GetProperty("Instance")!.GetValue(null)!;
        var costClasses = consumer.GetType("Demo.ModelCosts")!.GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic);
        Assert.Equal(catalog.Providers.Count, costClasses.Length);
        int compared = 0;
        foreach (var costClass in costClasses)
        {
            var idClass = consumer.GetType("Demo.ModelIds+" + costClass.Name)!;
            var fields = costClass.GetFields(BindingFlags.Public | BindingFlags.Static);
            foreach (var field in fields)
            {
                var modelRef = (string)idClass.GetField(field.Name)!.GetRawConstantValue()!;
                Assert.Equal(catalog.Resolve(modelRef).Cost, (ModelCost)field.GetValue(null)!);
                compared++;
            }

            Assert.Equal(idClass.GetFields(BindingFlags.Public | BindingFlags.Static).Length, fields.Length);
        }

        Assert.Equal(catalog.Models.Count, compared);
    }

    [Fact]
    public void LiteralKeysAreNeitherInTheCatalogNorInTheAssembly()
    {
        const string Yaml = "env:\n  SECRET_ENV: sk-env-value-123\nmodels:\n  providers:\n    acme:\n      baseUrl: https://acme.example/v1\n      api: openai-completions\n      apiKey: sk-literal-secret-456\n      headers: { X-Api-Key: hdr-secret-789 }\n      models: [{ id: a }]\n";
        var (output, sources) = GeneratorHarness.Run(Yaml);
        using var stream = new MemoryStream();
        Assert.True(output.Emit(stream).Success);
        var image = System.Text.Encoding.Unicode.GetString(stream.ToArray()) + System.Text.Encoding.UTF8.GetString(stream.ToArray());
        foreach (var secret in new[] { "sk-env-value-123", "sk-literal-secret-456", "hdr-secret-789" })
        {
            Assert.DoesNotContain(secret, image);
            Assert.DoesNotContain(sources.Values, s => s.Contains(secret));
        }

        var catalog = (Catalog)Assembly.Load(stream.ToArray()).GetType("Demo.GeneratedModelCatalog")!.GetProperty("Instance")!.GetValue(null)!;
        Assert.True(catalog.GetProvider("acme").IsApiKeyOmitted);
        Assert.Null(catalog.GetProvider("acme").ApiKey);
        Assert.Empty(catalog.GetProvider("acme").Headers);
    }

    [Fact]
    public void NamesAndHeadersWithEscapedCharactersRoundTrip()
    {
        const string Yaml = "models:\n  providers:\n    acme:\n      baseUrl: https://acme.example/v1\n      api: openai-completions\n      apiKey: ${ACME_API_KEY}\n      headers: { X-Note: \"a\\\\b\\tc\" }\n      models: [{ id: m, name: \"line1\\nline2\\ttab \\\\ back\\r\\u2028\" }]\n";
        var (output, _) = GeneratorHarness.Run(Yaml);
        using var stream = new MemoryStream();
        Assert.True(output.Emit(stream).Success);
        var catalog = (Catalog)Assembly.Load(stream.ToArray()).GetType("Demo.GeneratedModelCatalog")!.GetProperty("Instance")!.GetValue(null)!;
        Assert.Equal("line1\nline2\ttab \\ back\r\u2028", catalog.Resolve("acme/m").Name);
        Assert.Equal("a\\b\tc", catalog.GetProvider("acme").Headers["X-Note"]);
    }

    private static Catalog Instance() => (Catalog)Consumer.GetType("Demo.GeneratedModelCatalog")!.GetProperty("Instance")!.GetValue(null)!;

    private static object? Constant(string type, string field) => Consumer.GetType(type)!.GetField(field)!.GetRawConstantValue();

    private static Assembly Build() => Build(File.ReadAllText(Path.Combine(TestPaths.ProjectDirectory, "Catalogs", "everything.models.yaml")));

    private static Assembly Build(string? catalog)
    {
        var (output, _) = GeneratorHarness.Run(catalog);
        using var stream = new MemoryStream();
        var result = output.Emit(stream);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return Assembly.Load(stream.ToArray());
    }
}
