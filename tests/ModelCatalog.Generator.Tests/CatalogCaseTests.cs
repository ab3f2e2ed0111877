using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.Extensions.AI;
using ModelCatalog.Generator.Tests.Infrastructure;
using ModelCatalog.Runtime.Tests.Infrastructure;
using Xunit;

namespace ModelCatalog.Generator.Tests;

/// <summary>
/// The handed catalog cases of issue #7 (tests/data/cases/catalogs/fNN-*, read unchanged) run through the generator:
/// the generated code is compiled and loaded, and requests go through its catalog to a loopback provider.
/// </summary>
public sealed class CatalogCaseTests
{
    private const string AnthropicReply =
        """{"id":"msg_1","type":"message","role":"assistant","model":"claude-opus-4-6","content":[{"type":"text","text":"hello from the stand-in"}],"stop_reason":"end_turn","usage":{"input_tokens":3,"output_tokens":5}}""";

    private const string CompletionsReply =
        """{"id":"c1","object":"chat.completion","model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"ok"},"finish_reason":"stop"}],"usage":{"prompt_tokens":3,"completion_tokens":1}}""";

    [Fact]
    public async Task F05_EnvAliasIsCompiledInAndTheRequestCarriesTheAliasedKey()
    {
        var (assembly, sources) = Build(TestPaths.ReadShared("cases/catalogs/f05-env-block-reference/models.yaml"));
        var catalog = Instance(assembly);
        Assert.Equal(new Dictionary<string, string> { ["ANTHROPIC_API_KEY"] = "${ANTHROPIC_API_KEY_CO}" }, catalog.EnvironmentAliases);
        Assert.Contains(sources.Values, s => s.Contains("ANTHROPIC_API_KEY\\t${ANTHROPIC_API_KEY_CO}"));

        await using var server = await FakeProviderServer.StartAsync((context, _) => context.Json(AnthropicReply));
        var secrets = Secrets(("ANTHROPIC_API_KEY_CO", "sk-ant-case05"), ("FAKE_BASE", server.BaseUrl));
        using var client = new CatalogChatClient(catalog, options: new CatalogChatClientOptions { SecretResolver = secrets });

        var response = await client.GetResponseAsync("hi");

        Assert.Equal("hello from the stand-in", response.Text);
        Assert.Equal("anthropic/claude-opus-4-6", response.ModelId);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/v1/messages", request.Path);
        Assert.Equal("sk-ant-case05", request.Header("x-api-key"));
    }

    [Fact]
    public async Task F05_WithoutEitherVariableTheErrorNamesBothAndNoRequestIsSent()
    {
        var catalog = Instance(Build(TestPaths.ReadShared("cases/catalogs/f05-env-block-reference/models.yaml")).Assembly);
        await using var server = await FakeProviderServer.StartAsync((context, _) => context.Json(AnthropicReply));
        using var client = new CatalogChatClient(catalog, options: new CatalogChatClientOptions { SecretResolver = Secrets(("FAKE_BASE", server.BaseUrl)) });

        var error = await Assert.ThrowsAsync<ModelFailoverException>(() => client.GetResponseAsync("hi"));

        Assert.Contains("Variable ANTHROPIC_API_KEY is not set, nor its env: alias ANTHROPIC_API_KEY_CO (the API key of provider 'anthropic' is ${ANTHROPIC_API_KEY}); set one of them", error.Message);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public void OnlyReferencesAreCompiledIn_NeverLiteralEnvValues()
    {
        var (assembly, sources) = Build("env:\n  ACME_API_KEY: \"${ACME_KEY_CO}\"\n  lower_name: \"${X}\"\n  SECRET_ENV: sk-env-value-123\n  vars: { V: \"${W}\" }\n");

        Assert.Equal(new Dictionary<string, string> { ["ACME_API_KEY"] = "${ACME_KEY_CO}" }, Instance(assembly).EnvironmentAliases);
        Assert.DoesNotContain(sources.Values, s => s.Contains("sk-env-value-123"));
    }

    [Fact]
    public void F08_PricesKeepTheirValuesAndTheDocsShowEveryDigit()
    {
        var (assembly, sources) = Build(TestPaths.ReadShared("cases/catalogs/f08-per-token-prices/models.yaml"), "Consumer");
        var acme = sources.Single(s => s.Key.EndsWith("Acme.g.cs", System.StringComparison.Ordinal)).Value;
        Assert.Contains("/// <summary>sonnet-proxy (acme/sonnet-proxy): 200,000-token context, 8,192 max output, $0.000003 in / $0.000015 out per 1M tokens.</summary>", acme);
        Assert.Contains("/// <summary>acme/sonnet-proxy: $0.000003 in / $0.000015 out / $0.0000003 cache read / $0.00000375 cache write per 1M tokens.</summary>", acme);
        Assert.DoesNotMatch(new Regex(@"\$0\.00(?![0-9])"), acme); // no non-zero price rounded to $0.00

        var cost = (ModelCost)assembly.GetType("Consumer.ModelCosts+Acme")!.GetField("SonnetProxy")!.GetValue(null)!;
        Assert.Equal(new ModelCost(0.000003m, 0.000015m, 0.0000003m, 0.00000375m), cost);
        Assert.Equal(0.0000045m, cost.Compute(1_000_000, 100_000));
        Assert.Contains("/// <summary>acme/sonnet-proxy: " + cost + ".</summary>", acme); // the docs and ToString() agree
    }

    [Fact]
    public void F10_UncallableApiIsOnlyAWarning_TheModelsAreGenerated()
    {
        var (assembly, _) = Build(TestPaths.ReadShared("cases/catalogs/f10-uncallable-api-in-primary/models.yaml"));
        var catalog = Instance(assembly);
        Assert.Equal("google/gemini-2.5-pro", catalog.Primary);
        Assert.Equal(new[] { "google/gemini-2.5-flash" }, catalog.Fallbacks);
        Assert.Equal(ModelApi.Other, catalog.Resolve("google/gemini-2.5-pro").Api);
    }

    [Fact]
    public async Task ImplicitKey_ARemoteProviderWithoutApiKeyReadsItsIdApiKeyVariable()
    {
        const string Yaml = "env: { ACME_CO_API_KEY: \"${ACME_SHARED_KEY}\" }\nmodels:\n  providers:\n" +
            "    acme-co: { baseUrl: \"${ACME_BASE}\", api: openai-completions, models: [{ id: m }] }\n" +
            "    local: { baseUrl: \"http://127.0.0.1:1234/v1\", api: openai-completions, models: [{ id: m }] }\n";
        var catalog = Instance(Build(Yaml).Assembly);
        var acme = catalog.GetProvider("acme-co");
        Assert.Equal("${ACME_CO_API_KEY}", acme.ApiKey);
        Assert.True(acme.IsApiKeyImplicit);
        Assert.Null(catalog.GetProvider("local").ApiKey); // a loopback server needs no key
        Assert.False(catalog.GetProvider("local").IsApiKeyImplicit);

        await using var server = await FakeProviderServer.StartAsync((context, _) => context.Json(CompletionsReply));
        using var direct = new CatalogChatClient(catalog, options: new CatalogChatClientOptions { SecretResolver = Secrets(("ACME_BASE", server.BaseUrl), ("ACME_CO_API_KEY", "sk-implicit-1")) });
        using var aliased = new CatalogChatClient(catalog, options: new CatalogChatClientOptions { SecretResolver = Secrets(("ACME_BASE", server.BaseUrl), ("ACME_SHARED_KEY", "sk-shared-2")) });
        using var missing = new CatalogChatClient(catalog, options: new CatalogChatClientOptions { SecretResolver = Secrets(("ACME_BASE", server.BaseUrl)) });

        Assert.Equal("ok", (await direct.GetResponseAsync("hi", new ChatOptions { ModelId = "acme-co/m" })).Text);
        Assert.Equal("ok", (await aliased.GetResponseAsync("hi", new ChatOptions { ModelId = "acme-co/m" })).Text);
        var error = await Assert.ThrowsAsync<ModelFailoverException>(() => missing.GetResponseAsync("hi", new ChatOptions { ModelId = "acme-co/m" }));

        Assert.Equal(new[] { "Bearer sk-implicit-1", "Bearer sk-shared-2" }, server.Requests.Select(r => r.Header("authorization")));
        Assert.Contains("Variable ACME_CO_API_KEY is not set, nor its env: alias ACME_SHARED_KEY", error.Message);
        Assert.DoesNotContain("sk-", error.Message);
    }

    private static ISecretResolver Secrets(params (string Name, string Value)[] values)
    {
        var map = values.ToDictionary(v => v.Name, v => v.Value);
        return new DelegateSecretResolver(name => map.TryGetValue(name, out var value) ? value : null);
    }

    private static Catalog Instance(Assembly assembly) =>
        (Catalog)assembly.GetTypes().Single(t => t.Name == "GeneratedModelCatalog").GetProperty("Instance")!.GetValue(null)!;

    private static (Assembly Assembly, IReadOnlyDictionary<string, string> Sources) Build(string yaml, string rootNamespace = "Demo")
    {
        var (output, sources) = GeneratorHarness.Run(yaml, null, ("build_property.RootNamespace", rootNamespace));
        using var stream = new MemoryStream();
        var result = output.Emit(stream);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return (Assembly.Load(stream.ToArray()), sources);
    }
}
