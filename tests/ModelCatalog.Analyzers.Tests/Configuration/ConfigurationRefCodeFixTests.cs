using System.Threading.Tasks;
using ModelCatalog.Analyzers.Tests.Infrastructure;
using ModelCatalog.CodeFixes;
using Xunit;

namespace ModelCatalog.Analyzers.Tests.Configuration;

/// <summary>The case and did-you-mean fixes edit the JSON value in appsettings.json and appsettings.Production.json (exact resulting text).</summary>
public sealed class ConfigurationRefCodeFixTests
{
    [Fact]
    public Task CaseFix_RewritesTheJsonString() => Verify(
        """
        {
          // the chat model
          "Chat": { "Model": "minimax/minimax-m2.1", "Other": 1, },
        }
        """,
        """
        {
          // the chat model
          "Chat": { "Model": "minimax/MiniMax-M2.1", "Other": 1, },
        }
        """,
        "Use 'minimax/MiniMax-M2.1' (model ids are case-sensitive)");

    [Fact]
    public Task DidYouMeanFix_ModelAndProvider() => Verify(
        """
        { "Chat": { "Fallbacks": [ "acme/acme-smal", "minmax/MiniMax-M2.1", "acme/zzz" ] } }
        """,
        """
        { "Chat": { "Fallbacks": [ "acme/acme-small", "minimax/MiniMax-M2.1", "acme/zzz" ] } }
        """,
        "Change to 'acme/acme-small'", "Change to 'minimax/MiniMax-M2.1'");

    [Fact]
    public async Task NoFixWithoutAClearSuggestion()
    {
        using var workspace = new ConfigurationFixWorkspace(ConfigurationRefTest.ChatBinding, TestCatalogs.AcmeUsingBuiltIns, "/0/appsettings.json", "{ \"Chat\": { \"Model\": \"acme/zzz\" } }");
        Assert.Equal("MC1003", Assert.Single(await workspace.DiagnosticsAsync()).Id);
        var (titles, text) = await workspace.FixAllOneByOneAsync(new ConfigurationRefCodeFix());
        Assert.Empty(titles);
        Assert.Equal("{ \"Chat\": { \"Model\": \"acme/zzz\" } }", text);
    }

    [Fact]
    public async Task AddProviderFix_FromTheJsonDiagnostic_EditsModelsYaml()
    {
        const string Settings = "{ \"Chat\": { \"Model\": \"mistral/mistral-large-latest\" } }";
        const string Catalog = "models:\n  providers:\n    acme:\n      baseUrl: https://acme.example/v1\n      api: openai-completions\n      models:\n        - id: a\n";
        using var workspace = new ConfigurationFixWorkspace(ConfigurationRefTest.ChatBinding, Catalog, "/0/appsettings.json", Settings);
        var (title, catalog, settings) = await workspace.ApplyFirstAsync(new AddProviderBlockCodeFix());
        Assert.Equal("Add provider 'mistral' to models.yaml", title);
        Assert.Equal(Catalog +
            "    mistral:\n      baseUrl: https://api.mistral.ai/v1\n      api: openai-completions\n      apiKey: ${MISTRAL_API_KEY}\n      models:\n        - id: mistral-large-latest\n",
            catalog);
        Assert.Equal(Settings, settings);
    }

    private static async Task Verify(string json, string fixedJson, params string[] titles)
    {
        foreach (var path in new[] { "/0/appsettings.json", "/0/appsettings.Production.json" })
        {
            using var workspace = new ConfigurationFixWorkspace(ConfigurationRefTest.ChatBinding, TestCatalogs.AcmeUsingBuiltIns, path, json);
            var (applied, text) = await workspace.FixAllOneByOneAsync(new ConfigurationRefCodeFix());
            Assert.Equal(titles, applied);
            Assert.Equal(fixedJson, text);
        }
    }
}
