using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using ModelCatalog.Analyzers.Tests.Infrastructure;
using ModelCatalog.Generator;
using ModelCatalog.Generator.Emitting;
using Xunit;

namespace ModelCatalog.Analyzers.Tests;

/// <summary>
/// README.md, "One ref verdict": the same ref judged through the catalog (as the primary: MC0007–MC0009), through C# (an
/// argument of the runtime's <c>[ModelRef]</c> <c>Catalog.Resolve</c>: MC1001–MC1004) and at run time
/// (<c>Catalog.Explain</c> on the catalog decoded from the generated data) gets the same verdict and the same did-you-mean.
/// </summary>
public sealed class OneVerdictTests
{
    private const string Merge = """
        agents:
          defaults:
            # primary
            models:
              anthropic/claude-opus-4-6: { alias: opus }
        models:
          providers:
            together: { baseUrl: "https://api.together.xyz/v1", api: openai-completions, apiKey: "${TOGETHER_API_KEY}", models: [{ id: Qwen/Qwen3-235B-A22B-Instruct-2507-tput }] }
            openrouter: { baseUrl: "https://openrouter.ai/api/v1", api: openai-completions, apiKey: "${OPENROUTER_API_KEY}", models: [{ id: openrouter/auto }] }

        """;

    private const string Replace = """
        agents:
          defaults:
            # primary
            models:
              proxy/claude-sonnet-4-5: {}
        models:
          mode: replace
          providers:
            proxy: { baseUrl: "https://proxy.example.test", api: anthropic-messages, apiKey: "${PROXY_KEY}", models: [{ id: claude-sonnet-4-5 }] }

        """;

    [Theory]
    [InlineData("good ref", Merge, "openai/gpt-5.4", nameof(RefVerdictKind.Ok), "")]
    [InlineData("provider part in another case", Merge, "OpenAI/gpt-5.4", nameof(RefVerdictKind.Ok), "")]
    [InlineData("alias", Merge, "OPUS", nameof(RefVerdictKind.Alias), "")]
    [InlineData("wrong case", Merge, "openai/GPT-5.4", nameof(RefVerdictKind.CaseVariant), "openai/gpt-5.4")]
    [InlineData("unknown provider", Merge, "acme/x1", nameof(RefVerdictKind.ProviderMissing), "")]
    [InlineData("provider typo", Merge, "opnai/gpt-5.4", nameof(RefVerdictKind.ProviderTypo), "openai/gpt-5.4")]
    [InlineData("unknown model", Merge, "openai/gpt-5.9", nameof(RefVerdictKind.UnknownModel), "openai/gpt-5.2|openai/gpt-5.4|openai/gpt-5")]
    [InlineData("truncated id", Merge, "together/Qwen/Qwen3-235B-A22B-Instruct-2507", nameof(RefVerdictKind.UnknownModel), "together/Qwen/Qwen3-235B-A22B-Instruct-2507-tput")]
    [InlineData("'-' for '.'", Merge, "openai/gpt-5-4", nameof(RefVerdictKind.UnknownModel), "openai/gpt-5.4|openai/gpt-5|openai/gpt-5.2")]
    [InlineData("id that repeats its provider's name", Merge, "openrouter/auto", nameof(RefVerdictKind.UnknownModel), "openrouter/openrouter/auto")]
    [InlineData("bare id", Merge, "gpt-5.4", nameof(RefVerdictKind.NotARef), "openai/gpt-5.4")]
    [InlineData("alias typo", Merge, "opsu", nameof(RefVerdictKind.NotARef), "opus")]
    [InlineData("slash in id, provider left out", Merge, "Qwen/Qwen3-235B-A22B-Instruct-2507-tput", nameof(RefVerdictKind.NotARef), "together/Qwen/Qwen3-235B-A22B-Instruct-2507-tput")]
    [InlineData("built-in provider, replace mode", Replace, "anthropic/claude-opus-4-6", nameof(RefVerdictKind.ProviderExcludedByReplace), "")]
    public async Task Same_verdict_and_did_you_mean_in_the_catalog_in_CSharp_and_at_run_time(string row, string catalog, string value, string kindName, string suggestions)
    {
        var kind = System.Enum.Parse<RefVerdictKind>(kindName);
        var expected = suggestions.Length == 0 ? new string[0] : suggestions.Split('|');
        var (yamlId, csharpId, reason) = Expected(kind);

        // The shared judge itself.
        var compiled = CatalogCompiler.Compile(catalog, CancellationToken.None);
        Assert.Empty(compiled.Diagnostics);
        var verdict = ModelRefLookup.For(compiled).Judge(value);
        Assert.True(kind == verdict.Kind, row + ": judge said " + verdict.Kind);
        Assert.Equal(expected, verdict.Suggestions);

        // 1. models.yaml: the value as the primary.
        var withPrimary = CatalogCompiler.Compile(catalog.Replace("# primary", "model: { primary: \"" + value + "\" }"), CancellationToken.None);

        if (yamlId is null)
        {
            Assert.Empty(withPrimary.Diagnostics);
        }
        else
        {
            var diagnostic = Assert.Single(withPrimary.Diagnostics);
            Assert.Equal(yamlId, diagnostic.Id);
            AssertSuggests(kind, expected, diagnostic.Message);
        }

        // 2. C#: an argument of the runtime's own [ModelRef] API.
        var source = "class P { static void M(ModelCatalog.Catalog c) { c.Resolve(\"" + value + "\"); } }";
        var csharpDiagnostics = await DirectAnalyzerRunner.RunAsync(source, catalog);
        if (csharpId is null)
        {
            Assert.Empty(csharpDiagnostics);
        }
        else
        {
            var csharp = Assert.Single(csharpDiagnostics);
            Assert.Equal(csharpId, csharp.Id);
            AssertSuggests(kind, expected, csharp.GetMessage());
        }

        // 3. Run time: the catalog generated code decodes.
        var runtime = Catalog.FromGeneratedData(string.Concat(CatalogDataEncoder.Encode(compiled.Spec)));
        if (reason is null)
        {
            Assert.True(runtime.TryResolve(value, out _), row);
        }
        else
        {
            Assert.False(runtime.TryResolve(value, out _), row);
            var explained = runtime.Explain(value);
            Assert.Equal(reason, explained.Reason);
            Assert.Equal(expected, explained.Suggestions);
            AssertSuggests(kind, expected, explained.Message);
            Assert.Throws<UnknownModelException>(() => runtime.Resolve(value));
        }
    }

    private static (string? Yaml, string? CSharp, UnknownModelReason? Runtime) Expected(RefVerdictKind kind) => kind switch
    {
        RefVerdictKind.Ok => (null, "MC1004", null),
        RefVerdictKind.Alias => (null, null, null),
        RefVerdictKind.CaseVariant => ("MC0008", "MC1001", UnknownModelReason.CaseMismatch),
        RefVerdictKind.UnknownModel => ("MC0007", "MC1003", UnknownModelReason.UnknownModel),
        RefVerdictKind.NotARef => ("MC0007", "MC1003", UnknownModelReason.UnknownAlias),
        RefVerdictKind.ProviderMissing or RefVerdictKind.ProviderTypo => ("MC0009", "MC1002", UnknownModelReason.UnknownProvider),
        RefVerdictKind.ProviderExcludedByReplace => ("MC0009", "MC1002", UnknownModelReason.BuiltInProviderExcluded),
        _ => throw new System.ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>A case variant names the one right spelling ("write 'x'", "use 'x'", "spells it 'x'"); the rest list the did-you-mean.</summary>
    private static void AssertSuggests(RefVerdictKind kind, string[] expected, string message)
    {
        if (kind == RefVerdictKind.CaseVariant)
        {
            Assert.Contains("'" + Assert.Single(expected) + "'", message);
            Assert.Empty(DidYouMean(message));
            return;
        }

        if (kind == RefVerdictKind.ProviderTypo)
        {
            // A misspelled provider: every message names the provider; the corrected refs stay in the verdict for fixes.
            Assert.Equal(expected.Select(s => s.Substring(0, s.IndexOf('/'))).Distinct().ToArray(), DidYouMean(message));
            return;
        }

        Assert.Equal(expected, DidYouMean(message));
    }

    /// <summary>The refs or aliases of a message's "(did you mean 'a', 'b' or 'c'?)", in order; empty when it has none.</summary>
    private static string[] DidYouMean(string message)
    {
        var match = Regex.Match(message, @"\(did you mean (.+?)\?\)");
        return match.Success ? Regex.Matches(match.Groups[1].Value, "'([^']*)'").Select(m => m.Groups[1].Value).ToArray() : new string[0];
    }
}
