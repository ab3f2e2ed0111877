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
