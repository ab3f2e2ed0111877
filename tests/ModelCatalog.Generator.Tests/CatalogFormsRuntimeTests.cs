using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using ModelCatalog.Generator.Tests.Infrastructure;
using Xunit;

namespace ModelCatalog.Generator.Tests;

/// <summary>
/// The values generated for catalogs as people write them (issue #7): YAML merge keys, api set on every model instead of
/// the provider, OpenClaw's per-agent models.json with its key markers. Compiles the generated code and reads the catalog
/// it decodes.
/// </summary>
public sealed class CatalogFormsRuntimeTests
{
    [Fact]
    public void F04_SecondModelInheritsThroughTheMergeKey()
    {
        var yaml = TestPaths.ReadShared("cases/catalogs/f04-yaml-merge-key/models.yaml");
        Assert.Empty(CatalogCompiler.Compile(yaml, default).Diagnostics);
        var catalog = Build(yaml);

        var first = catalog.Resolve("llamaswap/qwen3-30b");
        Assert.True(first.Reasoning);
        Assert.True(first.Cost.IsKnown);
        Assert.Equal(0m, first.Cost.Input);
        Assert.Equal(0m, first.Cost.Output);
        Assert.Equal(200_000, first.ContextWindow);
        Assert.Equal(4096, first.MaxTokens);

        var second = catalog.Resolve("llamaswap/qwen3-30b-128k");
        Assert.True(second.Reasoning);
        Assert.True(second.Cost.IsKnown);
        Assert.Equal(0m, second.Cost.Input);
        Assert.Equal(0m, second.Cost.Output);
        Assert.Equal(131_072, second.ContextWindow);
        Assert.Equal(4096, second.MaxTokens);
        Assert.Equal(new[] { "qwen3-30b", "qwen3-30b-128k" }, catalog.GetProvider("llamaswap").Models.Select(m => m.Id));
    }

    [Fact]
    public void OwnKeysWinThenTheEarlierMergedMapping()
    {
        var catalog = Build(
            "x-a: &a { reasoning: true, contextWindow: 1000, maxTokens: 100 }\n" +
            "x-b: &b { reasoning: false, contextWindow: 2000, maxTokens: 200, name: From B }\n" +
            "models:\n  providers:\n    local:\n      baseUrl: http://127.0.0.1:1/v1\n      api: openai-completions\n      models:\n" +
            "        - { <<: [*a, *b], id: m, maxTokens: 50 }\n        - { id: n, <<: *b, contextWindow: 4000 }\n");
        var m = catalog.Resolve("local/m");
        Assert.True(m.Reasoning);
        Assert.Equal(1000, m.ContextWindow);
        Assert.Equal(50, m.MaxTokens);
        Assert.Equal("From B", m.Name);

        var n = catalog.Resolve("local/n");
        Assert.False(n.Reasoning);
        Assert.Equal(4000, n.ContextWindow);
        Assert.Equal(200, n.MaxTokens);
    }

    [Fact]
    public void MergeKeysWorkInProvidersCostsHeadersAndAllowlistEntries()
    {
        var yaml =
            "x-local: &local { baseUrl: \"http://127.0.0.1:8080/v1\", api: openai-completions, headers: &h { X-App: demo, X-Tier: base } }\n" +
            "x-cost: &cost { input: 1, output: 2, cacheRead: 0.5 }\n" +
            "x-entry: &entry { alias: first }\n" +
            "agents:\n  defaults:\n    models:\n      one/m: { <<: *entry }\n" +
            "models:\n  providers:\n    one: { <<: *local, models: [{ id: m, cost: { <<: *cost, output: 3 } }] }\n" +
            "    two:\n      <<: *local\n      baseUrl: \"http://127.0.0.1:9090/v1\"\n      headers: { <<: *h, x-tier: premium }\n      models: [{ id: m }]\n";
        Assert.Empty(CatalogCompiler.Compile(yaml, default).Diagnostics);
        var catalog = Build(yaml);

        var one = catalog.GetProvider("one");
        Assert.Equal("http://127.0.0.1:8080/v1", one.BaseUrl);
        Assert.Equal(ModelApi.OpenAICompletions, one.Api);
        Assert.Equal("demo", one.Headers["X-App"]);
        Assert.Equal(new ModelCost(1m, 3m, 0.5m, 0m), catalog.Resolve("one/m").Cost);
        Assert.Equal("one/m", catalog.Resolve("first").Ref);

        var two = catalog.GetProvider("two");
        Assert.Equal("http://127.0.0.1:9090/v1", two.BaseUrl);
        Assert.Equal(ModelApi.OpenAICompletions, two.Api);
        Assert.Equal("demo", two.Headers["X-App"]);
        // The own x-tier wins over the inherited X-Tier (header names ignore case): one header, no duplicate error.
        Assert.Equal(new[] { "X-App:demo", "x-tier:premium" }, two.Headers.Select(h => h.Key + ":" + h.Value).OrderBy(h => h, System.StringComparer.Ordinal));
    }

    [Fact]
    public void EffectiveApiIsTheModelsWhenOnlyModelsSetIt()
    {
        var yaml = "models:\n  providers:\n    mixed:\n      baseUrl: https://mixed.example/v1\n      apiKey: ${MIXED_API_KEY}\n      models:\n" +
                   "        - { id: a, api: openai-completions }\n        - { id: b, api: anthropic-messages }\n";
        Assert.Empty(CatalogCompiler.Compile(yaml, default).Diagnostics);
        var catalog = Build(yaml);
        Assert.Equal(ModelApi.OpenAICompletions, catalog.Resolve("mixed/a").Api);
        Assert.Equal("openai-completions", catalog.Resolve("mixed/a").ApiName);
        Assert.Equal(ModelApi.AnthropicMessages, catalog.Resolve("mixed/b").Api);
        Assert.Equal("anthropic-messages", catalog.Resolve("mixed/b").ApiName);
    }

    [Fact]
    public void ModelsJsonProvidersAndKeyMarkers()
    {
        var json = "{\n  \"providers\": {\n" +
            "    \"minimax\": { \"baseUrl\": \"https://api.minimax.io/anthropic\", \"api\": \"anthropic-messages\", \"authHeader\": true, \"apiKey\": \"MINIMAX_API_KEY\", \"models\": [{ \"id\": \"MiniMax-M2.1\" }] },\n" +
            "    \"ollama\": { \"baseUrl\": \"http://127.0.0.1:11434/v1\", \"api\": \"openai-completions\", \"apiKey\": \"ollama-local\", \"models\": [{ \"id\": \"llama3\" }] },\n" +
            "    \"acme\": { \"baseUrl\": \"https://acme.example/v1\", \"api\": \"openai-completions\", \"apiKey\": \"secretref-managed\", \"headers\": { \"X-Token\": \"secretref-env:ACME_TOKEN\", \"X-Title\": \"DEMO\" }, \"models\": [{ \"id\": \"a\" }] },\n" +
            "    \"env-ref\": { \"baseUrl\": \"https://env.example/v1\", \"api\": \"openai-completions\", \"apiKey\": \"secretref-env:ENV_REF_KEY\", \"models\": [{ \"id\": \"e\" }] },\n" +
            "    \"portal\": { \"baseUrl\": \"https://portal.example/anthropic\", \"api\": \"anthropic-messages\", \"apiKey\": \"minimax-oauth\", \"models\": [{ \"id\": \"p\" }] }\n" +
            "  }\n}\n";
        Assert.Empty(CatalogCompiler.Compile(json, default).Diagnostics);
        var catalog = Build(json);

        var minimax = catalog.GetProvider("minimax");
        Assert.Equal("${MINIMAX_API_KEY}", minimax.ApiKey);
        Assert.True(minimax.AuthHeader);
        Assert.Equal(204_800, catalog.Resolve("minimax/MiniMax-M2.1").ContextWindow); // merged with the built-in model

        Assert.Null(catalog.GetProvider("ollama").ApiKey);
        Assert.False(catalog.GetProvider("ollama").IsApiKeyOmitted);
        Assert.Equal("${ACME_API_KEY}", catalog.GetProvider("acme").ApiKey);
        Assert.Equal("${ACME_TOKEN}", catalog.GetProvider("acme").Headers["X-Token"]);
        Assert.Equal("DEMO", catalog.GetProvider("acme").Headers["X-Title"]);
        Assert.Equal("${ENV_REF_KEY}", catalog.GetProvider("env-ref").ApiKey);
        // The OAuth marker is kept as the key (the client sends the signed-in token in its place, never the marker).
        Assert.Equal("minimax-oauth", catalog.GetProvider("portal").ApiKey);
        Assert.False(catalog.GetProvider("portal").IsApiKeyOmitted);
        Assert.False(catalog.GetProvider("portal").IsApiKeyImplicit);
    }

    [Fact]
    public void TheOAuthMarkerInAModelsYamlIsNoLiteralKey()
    {
        const string Yaml = "models:\n  providers:\n    minimax:\n      apiKey: minimax-oauth\n    acme:\n      baseUrl: https://acme.example/v1\n      api: openai-completions\n      apiKey: minimax-oauth-but-longer\n      models: [{ id: a }]\n";
        var diagnostic = Assert.Single(CatalogCompiler.Compile(Yaml, default).Diagnostics);
        Assert.Equal("MC0006", diagnostic.Id); // only the look-alike: the marker is compared exactly
        Assert.Contains("'acme'", diagnostic.Message);
        Assert.Equal("minimax-oauth", Build(Yaml).GetProvider("minimax").ApiKey);
        Assert.Equal("minimax-oauth", Build(Yaml).GetProvider("minimax-portal").ApiKey); // the built-in OAuth providers
    }

    [Fact]
    public void OpenClawKeyMarkerOverridesABuiltInKey()
    {
        var catalog = Build("providers:\n  minimax: { apiKey: minimax-oauth }\n");
        Assert.Equal("minimax-oauth", catalog.GetProvider("minimax").ApiKey);
        Assert.Equal("https://api.minimax.io/anthropic", catalog.GetProvider("minimax").BaseUrl);
    }

    [Fact]
    public void MergeChainsThatExpandBeyondTheBudgetAreMC0001()
    {
        // Each mapping merges the previous one and adds a key: 1,500 short lines would copy 1.1 million entries.
        var text = new System.Text.StringBuilder("x0: &m0 { k0: 0 }\n");
        for (int i = 1; i < 1500; i++)
        {
            text.Append('x').Append(i).Append(": &m").Append(i).Append(" { <<: *m").Append(i - 1).Append(", k").Append(i).Append(": 0 }\n");
        }

        var diagnostic = Assert.Single(CatalogCompiler.Compile(text.ToString(), "models.yml", default).Diagnostics);
        Assert.Equal("MC0001", diagnostic.Id);
        Assert.Equal("models.yml expands its merge keys ('<<') to more than 1,000,000 entries; merge fewer or smaller mappings", diagnostic.Message);
    }

    private static Catalog Build(string catalogText)
    {
        var (output, _) = GeneratorHarness.Run(catalogText);
        using var stream = new MemoryStream();
        var result = output.Emit(stream);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return (Catalog)Assembly.Load(stream.ToArray()).GetType("Demo.GeneratedModelCatalog")!.GetProperty("Instance")!.GetValue(null)!;
    }
}
