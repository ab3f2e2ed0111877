using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using ModelCatalog.Analyzers.Tests.Infrastructure;
using Xunit;

namespace ModelCatalog.Analyzers.Tests;

/// <summary>Exact id, severity, span and message of each C# diagnostic, as the build prints them.</summary>
public sealed class ModelRefMessageTests
{
    private const string Catalog = TestCatalogs.Acme;

    [Fact]
    public Task MC1001_NamesTheValueTheCatalogSpellingAndTheConstant() => Verify(
        """
        class P { void M(Microsoft.Extensions.AI.ChatOptions o) { o.ModelId = {|#0:"minimax/minimax-m2.1"|}; } }
        """,
        Catalog,
        Result("MC1001", DiagnosticSeverity.Warning, 0,
            "Model ref 'minimax/minimax-m2.1' differs only in case from catalog model 'minimax/MiniMax-M2.1': model ids are case-sensitive; use 'minimax/MiniMax-M2.1' or ModelIds.Minimax.MiniMaxM2_1"));

    [Fact]
    public Task MC1001_ProviderCaseAloneIsValid() => Verify(
        """
        class P { void M(Microsoft.Extensions.AI.ChatOptions o) { o.ModelId = {|#0:"MiniMax/minimax-M2.1"|}; } }
        """,
        Catalog,
        Result("MC1001", DiagnosticSeverity.Warning, 0,
            "Model ref 'MiniMax/minimax-M2.1' differs only in case from catalog model 'minimax/MiniMax-M2.1': model ids are case-sensitive; use 'minimax/MiniMax-M2.1' or ModelIds.Minimax.MiniMaxM2_1"));

    [Fact]
    public Task MC1002_NamesTheProviderAndTheKeyToAdd() => Verify(
        """
        class P { void M(Microsoft.Extensions.AI.ChatOptions o) { o.ModelId = {|#0:"mistral/mistral-large-latest"|}; } }
        """,
        Catalog,
        Result("MC1002", DiagnosticSeverity.Error, 0,
            "Model ref 'mistral/mistral-large-latest' names provider 'mistral', which has no provider block and is not built in; add models.providers.mistral to models.yaml"));

    [Fact]
    public Task MC1002_ProviderTypoSaysDidYouMean() => Verify(
        """
        class P { void M(Microsoft.Extensions.AI.ChatOptions o) { o.ModelId = {|#0:"minmax/MiniMax-M2.1"|}; } }
        """,
        Catalog,
        Result("MC1002", DiagnosticSeverity.Error, 0,
            "Model ref 'minmax/MiniMax-M2.1' names provider 'minmax', which has no provider block and is not built in (did you mean 'minimax'?); add models.providers.minmax to models.yaml"));

    [Fact]
    public Task MC1002_BuiltInProviderInReplaceMode() => Verify(
        """
        class P { void M(Microsoft.Extensions.AI.ChatOptions o) { o.ModelId = {|#0:"anthropic/claude-opus-4-6"|}; } }
        """,
        "models:\n  mode: replace\n  providers:\n    acme: { baseUrl: https://acme.example/v1, api: openai-completions, models: [{ id: a }] }\n",
        Result("MC1002", DiagnosticSeverity.Error, 0,
            "Model ref 'anthropic/claude-opus-4-6' names provider 'anthropic', which has no provider block (it is built in, but models.mode is replace, which keeps only the providers models.yaml lists); add models.providers.anthropic to models.yaml"));

    [Fact]
    public Task MC1003_ListsTheNearestIds() => Verify(
        """
        class P { void M(Microsoft.Extensions.AI.ChatOptions o) { o.ModelId = {|#0:"minimax/MiniMax-M2.6"|}; } }
        """,
        Catalog,
        Result("MC1003", DiagnosticSeverity.Warning, 0,
            "Provider 'minimax' has no model 'MiniMax-M2.6' (did you mean 'minimax/MiniMax-M2.1', 'minimax/MiniMax-M2.5' or 'minimax/MiniMax-M2.7'?); fix the ref or add { id: MiniMax-M2.6 } to models.providers.minimax.models in models.yaml"));

    [Fact]
    public Task MC1003_TruncatedIdSuggestsTheIdItStartsWith() => Verify(
        """
        class P { void M(Microsoft.Extensions.AI.ChatOptions o) { o.ModelId = {|#0:"anthropic/claude-opus"|}; } }
        """,
        Catalog,
        Result("MC1003", DiagnosticSeverity.Warning, 0,
            "Provider 'anthropic' has no model 'claude-opus' (did you mean 'anthropic/claude-opus-4-5' or 'anthropic/claude-opus-4-6'?); fix the ref or add { id: claude-opus } to models.providers.anthropic.models in models.yaml"));

    [Fact]
    public Task MC1003_SlashFreeValueSuggestsAnAliasOrTheModelWithThatId() => Verify(
        """
        using ModelCatalog;
        class P
        {
            static void Send([ModelRef] string model) { }
            void M() { Send({|#0:"fsat"|}); Send({|#1:"grok-4"|}); }
        }
        """,
        Catalog,
        Result("MC1003", DiagnosticSeverity.Warning, 0,
            "'fsat' is not a provider/model-id ref or an alias (did you mean 'fast'?); write provider/model-id or an alias defined in agents.defaults.models"),
        Result("MC1003", DiagnosticSeverity.Warning, 1,
            "'grok-4' is not a provider/model-id ref or an alias (did you mean 'xai/grok-4'?); write provider/model-id or an alias defined in agents.defaults.models"));

    [Fact]
    public Task MC1004_IsInfoAndNamesTheConstant() => Verify(
        """
        class P { void M(Microsoft.Extensions.AI.ChatOptions o) { o.ModelId = {|#0:"acme/Acme-Large-2.1"|}; } }
        """,
        Catalog,
        Result("MC1004", DiagnosticSeverity.Info, 0, "Model ref 'acme/Acme-Large-2.1' has a generated constant: use ModelIds.Acme.AcmeLarge2_1"));

    [Fact]
    public void HelpLinksPointAtTheReadmeDiagnosticsSection()
    {
        foreach (var descriptor in new ModelRefAnalyzer().SupportedDiagnostics)
        {
            Assert.Equal("https://github.com/modelcatalog/ModelCatalog/blob/main/README.md#" + descriptor.Id.ToLowerInvariant(), descriptor.HelpLinkUri);
        }
    }

    private static DiagnosticResult Result(string id, DiagnosticSeverity severity, int location, string message) =>
        new DiagnosticResult(id, severity).WithLocation(location).WithMessage(message);

    /// <summary>In an app whose only client is the catalog's, so ChatOptions.ModelId values are judged (README.md, "Model refs in C#").</summary>
    private static Task Verify(string source, string catalog, params DiagnosticResult[] expected)
    {
        var test = new ModelRefAnalyzerTest(source + TestCatalogs.CatalogOnlyApp, catalog);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}
