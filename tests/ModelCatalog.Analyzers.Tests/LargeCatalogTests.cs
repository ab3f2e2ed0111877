using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ModelCatalog.Analyzers.Tests.Infrastructure;
using ModelCatalog.Generator;
using Xunit;

namespace ModelCatalog.Analyzers.Tests;

/// <summary>
/// The 5,276-model catalog (tests/data/catalogs/models-dev.yaml) with 450 refs in code: every ref kind gets exactly the
/// diagnostics it should, and a sample of messages is checked word for word.
/// </summary>
public sealed class LargeCatalogTests
{
    [Fact]
    public async Task ModelsDevCatalog_WithHundredsOfRefs()
    {
        var yaml = CatalogVerifier.ReadShared("catalogs/models-dev.yaml");
        var spec = CatalogCompiler.Compile(yaml, CancellationToken.None).Spec;
        var models = spec.Providers.SelectMany(p => p.Models.Select(m => (Provider: p, Model: m))).ToList();
        Assert.True(models.Count > 5000);

        var valid = models.Where((_, i) => i % 50 == 7).Take(100).Select(x => x.Provider.Id + "/" + x.Model.Id).ToList();
        var caseVariants = models
            .Where(x => x.Model.Id.ToUpperInvariant() != x.Model.Id && x.Provider.Models.All(m => m.Id != x.Model.Id.ToUpperInvariant()))
            .Where((_, i) => i % 40 == 3).Take(100)
            .Select(x => (Written: x.Provider.Id + "/" + x.Model.Id.ToUpperInvariant(), Ref: x.Provider.Id + "/" + x.Model.Id))
            .ToList();
        // Providers of the file: a ChatOptions value naming a built-in provider the file does not use (minimax-portal*) is
        // not judged (README.md, "Model refs in C#").
        var unknownModels = spec.Providers.Where(p => !p.Id.StartsWith("minimax-portal", System.StringComparison.Ordinal)).Take(50)
            .Select((p, i) => p.Id + "/no-such-model-" + i).ToList();
        var unknownProviders = Enumerable.Range(0, 50).Select(i => "zz-unknown-" + i + "/model").ToList();
        var otherClients = Enumerable.Range(0, 50).Select(i => "other-client-" + i + "/model-" + i).ToList();
        var notRefs = Enumerable.Range(0, 50).Select(i => i % 2 == 0 ? "https://example.com/v" + i : "src/folder" + i + "/file.cs").ToList();
        Assert.Equal(100, valid.Count);
        Assert.Equal(100, caseVariants.Count);

        var code = new StringBuilder("using ModelCatalog;\nusing Microsoft.Extensions.AI;\n\nclass Program\n{\n    static void Send([ModelRef] string model) { }\n\n    void M(ChatOptions o)\n    {\n");
        foreach (var value in valid.Concat(caseVariants.Select(c => c.Written)).Concat(unknownModels).Concat(otherClients))
        {
            code.Append("        o.ModelId = \"").Append(value).Append("\";\n");
        }

        foreach (var value in unknownProviders.Concat(notRefs.Where((_, i) => i % 2 == 1)))
        {
            code.Append("        Send(\"").Append(value).Append("\");\n");
        }

        foreach (var value in notRefs)
        {
            code.Append("        System.Console.WriteLine(\"").Append(value).Append("\");\n");
        }

        code.Append("    }\n}\n");

        var diagnostics = await DirectAnalyzerRunner.RunAsync(code.ToString(), yaml);

        var byId = diagnostics.GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<string, int> { ["MC1001"] = 100, ["MC1002"] = 50 + 25, ["MC1003"] = 50, ["MC1004"] = 100 }, byId);

        // Paths with a slash are refs of provider "src" in a [ModelRef] position: unknown provider, as they should be.
        Assert.All(diagnostics.Where(d => d.Id == "MC1002"), d => Assert.Matches("names provider '(zz-unknown-\\d+|src)'", d.GetMessage()));

        var firstCase = caseVariants[0];
        Assert.Contains(diagnostics, d => d.Id == "MC1001" && d.GetMessage() == "Model ref '" + firstCase.Written + "' differs only in case from catalog model '" + firstCase.Ref +
            "': model ids are case-sensitive; use '" + firstCase.Ref + "' or " + Constant(spec, firstCase.Ref));
        Assert.Contains(diagnostics, d => d.Id == "MC1004" && d.GetMessage() == "Model ref '" + valid[0] + "' has a generated constant: use " + Constant(spec, valid[0]));
        Assert.Contains(diagnostics, d => d.Id == "MC1002" && d.GetMessage() ==
            "Model ref 'zz-unknown-7/model' names provider 'zz-unknown-7', which has no provider block and is not built in; add models.providers.zz-unknown-7 to models.yaml");
        var firstUnknown = unknownModels[0];
        Assert.Contains(diagnostics, d => d.Id == "MC1003" && d.GetMessage().StartsWith("Provider '" + firstUnknown.Split('/')[0] + "' has no model 'no-such-model-0'"));

        // Every diagnostic points at a literal that holds the value it names.
        var source = code.ToString();
        Assert.All(diagnostics, d => Assert.StartsWith("\"", source.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length)));
    }

    [Fact]
    public async Task ModelsDevCatalog_NearestIdsAreSuggested()
    {
        var yaml = CatalogVerifier.ReadShared("catalogs/models-dev.yaml");
        var diagnostics = await DirectAnalyzerRunner.RunAsync(
            "class P { void M(Microsoft.Extensions.AI.ChatOptions o) { o.ModelId = \"anthropic/claude-opus-4-9\"; o.ModelId = \"openrouter/anthropic/claude-sonet-4.5\"; } }", yaml);

        var ordered = diagnostics.OrderBy(d => d.Location.SourceSpan.Start).ToArray();
        Assert.Equal(new[]
        {
            "Provider 'anthropic' has no model 'claude-opus-4-9' (did you mean 'anthropic/claude-opus-4-0', 'anthropic/claude-opus-4-1' or 'anthropic/claude-opus-4-5'?); fix the ref or add { id: claude-opus-4-9 } to models.providers.anthropic.models in models.yaml",
            "Provider 'openrouter' has no model 'anthropic/claude-sonet-4.5' (did you mean 'openrouter/anthropic/claude-sonnet-4.5', 'openrouter/anthropic/claude-sonnet-4.6' or 'openrouter/anthropic/claude-sonnet-4'?); fix the ref or add { id: anthropic/claude-sonet-4.5 } to models.providers.openrouter.models in models.yaml",
        }, ordered.Select(d => d.GetMessage()));

        // A six-way tie offers no fix; one clearly nearest id does.
        Assert.False(ordered[0].Properties.ContainsKey("Replacement"));
        Assert.Equal("openrouter/anthropic/claude-sonnet-4.5", ordered[1].Properties["Replacement"]);
    }

    private static string Constant(Generator.Model.CatalogSpec spec, string modelRef)
    {
        var slash = modelRef.IndexOf('/');
        var provider = spec.Providers.Single(p => p.Id == modelRef.Substring(0, slash));
        return "ModelIds." + provider.ClassName + "." + provider.Models.Single(m => m.Id == modelRef.Substring(slash + 1)).MemberName;
    }
}
