using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using ModelCatalog.Analyzers.Tests.Infrastructure;
using Xunit;

namespace ModelCatalog.Analyzers.Tests.Configuration;

/// <summary>
/// One verdict: a ref in appsettings.json gets the id, severity and message the same value gets in a C# [ModelRef]
/// position; and the analyzer never throws on malformed settings (no AD0001), reporting nothing for a file it cannot read.
/// </summary>
public sealed class ConfigurationRefParityTests
{
    private static readonly string[] Values =
    {
        "minimax/minimax-m2.1", "MiniMax/minimax-M2.1", "acme/acme-smal", "minmax/MiniMax-M2.1", "mistral/mistral-large-latest", "grok-4", "nope",
        "anthropic/claude-opus-4-7",
    };

    [Fact]
    public async Task JsonAndCSharp_SameIdSeverityAndMessage()
    {
        var source = "static class P\n{\n    static void Use([ModelCatalog.ModelRef] string r) { }\n    static void M()\n    {\n" +
            string.Concat(Values.Select(v => "        Use(\"" + v + "\");\n")) + "    }\n}\n";
        var json = "{\n  \"Check\": [\n" + string.Join(",\n", Values.Select(v => "    \"" + v + "\"")) + "\n  ]\n}\n";
        var diagnostics = await RunAsync(source, new[] { ("/0/appsettings.json", json) }, "build_property._ModelCatalogRefPaths = Check:*\n");

        var inCSharp = diagnostics.Where(d => d.Location.IsInSource).OrderBy(d => d.Location.SourceSpan.Start).ToList();
        var inJson = diagnostics.Where(d => d.Location.GetLineSpan().Path == "/0/appsettings.json").OrderBy(d => d.Location.GetLineSpan().StartLinePosition.Line).ToList();
        Assert.Equal(Values.Length, inCSharp.Count);
        Assert.Equal(Values.Length, inJson.Count);
        for (int i = 0; i < Values.Length; i++)
        {
            Assert.Equal((inCSharp[i].Id, inCSharp[i].Severity, inCSharp[i].GetMessage()), (inJson[i].Id, inJson[i].Severity, inJson[i].GetMessage()));
            Assert.Equal(2 + i, inJson[i].Location.GetLineSpan().StartLinePosition.Line); // 0-based: line 3 holds the first value
            Assert.Equal(4, inJson[i].Location.GetLineSpan().StartLinePosition.Character);
        }
    }

    [Fact]
    public async Task MalformedSettings_NeverThrow_AndUnreadableOnesReportNothing()
    {
        const string Valid = """
            {
              // comment
              "Chat": { "Model": "minimax/minimax-m2.1", "Fallbacks": [ "acme/acme-smal", ], },
              "Summaries": { "ModelId": "minmax/MiniMax-M2.1", "n": 1e3, "t": true, "x": null },
              "Chat:Model": "grok-4", /* block */ "Agents": { "a": { "Model": "fast" } }
            }
            """;
        var files = new List<(string Path, string Text)>();
        for (int length = 0; length < Valid.Length; length++)
        {
            files.Add(("/0/appsettings.Prefix" + length + ".json", Valid.Substring(0, length)));
        }

        var random = new Random(20261130);
        var alphabet = "{}[]:,\"'/*\\\n \t0a-:" + '\u2028' + '\uFEFF' + '\0';
        for (int i = 0; i < 300; i++)
        {
            var chars = Valid.ToCharArray().ToList();
            for (int edits = random.Next(1, 6); edits > 0; edits--)
            {
                int at = random.Next(chars.Count);
                switch (random.Next(3))
                {
                    case 0: chars.RemoveAt(at); break;
                    case 1: chars.Insert(at, alphabet[random.Next(alphabet.Length)]); break;
                    default: chars[at] = alphabet[random.Next(alphabet.Length)]; break;
                }
            }

            files.Add(("/0/appsettings.Mutant" + i + ".json", new string(chars.ToArray())));
        }

        files.Add(("/0/appsettings.Deep.json", new string('{', 5000) + new string('[', 5000)));
        files.Add(("/0/appsettings.Array.json", "[ { \"Chat\": { \"Model\": \"minimax/minimax-m2.1\" } } ]"));

        var exceptions = new List<Exception>();
        var diagnostics = await RunAsync(ConfigurationRefTest.ChatBinding, files.ToArray(), string.Empty, exceptions);

        Assert.Empty(exceptions);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        Assert.Contains(diagnostics, d => d.Location.GetLineSpan().Path.Contains(".Mutant")); // mutants that still read are checked
        Assert.DoesNotContain(diagnostics, d => d.Location.GetLineSpan().Path is var path && (path.Contains(".Prefix") || path.Contains(".Deep") || path.Contains(".Array")));
    }

    /// <summary>Both ref analyzers over one compilation, as the command-line compiler runs them (no workspace).</summary>
    private static async Task<ImmutableArray<Diagnostic>> RunAsync(string source, (string Path, string Text)[] files, string globalConfig, List<Exception>? exceptions = null)
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: "/0/Program.cs");
        var compilation = CSharpCompilation.Create("Demo", new[] { tree },
            Basic.Reference.Assemblies.Net80.References.All.Concat(ModelRefTestSetup.RuntimeReferences()).Concat(ConfigurationRefTest.ConfigurationReferences()),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var additional = files.Select(f => (AdditionalText)new DirectAnalyzerRunner.InMemoryAdditionalText(f.Path, f.Text))
            .Prepend(new DirectAnalyzerRunner.InMemoryAdditionalText(ModelRefTestSetup.CatalogPath, TestCatalogs.AcmeUsingBuiltIns)).ToImmutableArray();
        var config = AnalyzerConfig.Parse(ModelRefTestSetup.GlobalConfig + globalConfig, "/.globalconfig");
        var options = new AnalyzerOptions(additional, new DirectAnalyzerRunner.ConfigOptionsProvider(AnalyzerConfigSet.Create(new[] { config }).GlobalConfigOptions.AnalyzerOptions));
        var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ModelRefAnalyzer(), new ConfigurationRefAnalyzer()),
            new CompilationWithAnalyzersOptions(options, (ex, _, _) => exceptions?.Add(ex), concurrentAnalysis: true, logAnalyzerExecutionTime: false));
        return await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
    }
}
