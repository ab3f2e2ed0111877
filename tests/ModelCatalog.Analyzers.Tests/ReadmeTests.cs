using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using ModelCatalog.Analyzers.Tests.Infrastructure;
using ModelCatalog.Generator;
using ModelCatalog.Tests.Readme;
using Xunit;

namespace ModelCatalog.Analyzers.Tests;

/// <summary>
/// README.md's code is tested: every <c>csharp</c> block compiles in a consumer project (RootNamespace <c>Demo</c>) of the
/// README's own models.yaml, with the generator and the analyzers running as in a build, and produces exactly the
/// diagnostics its <c>&lt;!-- diagnostic: … --&gt;</c> marker names (none without one). Generated-code excerpts (the tour)
/// must match the generated output line by line, in order.
/// </summary>
public sealed class ReadmeTests
{
    private const string ProgramPath = "/demo/Program.cs";
    private const string CatalogPath = "/demo/models.yaml";

    /// <summary>
    /// The wrappers a <c>&lt;!-- fragment: name --&gt;</c> block compiles inside; README.md's Development section lists them.
    /// </summary>
    private static readonly Dictionary<string, (string Before, string After)> Wrappers = new()
    {
        ["method-body"] = (
            "using System;\nusing System.Net.Http;\nusing System.Threading.Tasks;\nusing Microsoft.Extensions.AI;\nusing ModelCatalog;\nusing Demo;\n" +
            "internal static class Snippet\n{\n    internal static async Task RunAsync(CatalogChatClient client, HttpClient httpClient)\n    {\n",
            "\n        await Task.CompletedTask;\n    }\n}\n"),
        ["types"] = (string.Empty, string.Empty),
    };

    private static readonly string[] CatalogIds = Enumerable.Range(1, 11).Select(i => "MC" + i.ToString("0000", System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    public static TheoryData<int> CSharpBlocks()
    {
        var data = new TheoryData<int>();
        foreach (var block in ReadmeDocument.Repository.CSharp.Where(b => !b.Markers.ContainsKey("generated")))
        {
            data.Add(block.Line);
        }

        return data;
    }

    public static TheoryData<int> GeneratedBlocks()
    {
        var data = new TheoryData<int>();
        foreach (var block in ReadmeDocument.Repository.CSharp.Where(b => b.Markers.ContainsKey("generated")))
        {
            data.Add(block.Line);
        }

        return data;
    }

    [Fact]
    public void TheReadmeHasItsCatalogCodeAndTour()
    {
        Assert.Contains("providers:", ReadmeDocument.Repository.Catalog, StringComparison.Ordinal);
        Assert.True(CSharpBlocks().Count >= 8, "expected the README's C# examples");
        Assert.NotEmpty(GeneratedBlocks());
        foreach (var block in ReadmeDocument.Repository.CSharp)
        {
            var unknown = block.Markers.Keys.Except(new[] { "fragment", "generated", "diagnostic" }).ToList();
            Assert.True(unknown.Count == 0, block + ": unknown marker " + string.Join(", ", unknown));
            if (block.Markers.TryGetValue("fragment", out var wrapper))
            {
                Assert.True(Wrappers.ContainsKey(wrapper), block + ": unknown fragment wrapper '" + wrapper + "'");
            }
        }
    }

    [Fact]
    public async Task TheCatalogHasNoDiagnostics()
    {
        var (_, diagnostics, _) = await CompileAsync("internal static class Empty { }\n");
        Assert.Empty(diagnostics.Where(d => CatalogIds.Contains(d.Id)).Select(d => d.ToString()));
    }

    [Theory]
    [MemberData(nameof(CSharpBlocks))]
    public async Task CSharpBlockCompiles(int line)
    {
        var block = ReadmeDocument.Repository.CSharp.Single(b => b.Line == line);
        var source = block.Markers.TryGetValue("fragment", out var wrapper)
            ? Wrappers[wrapper].Before + block.Code + Wrappers[wrapper].After
            : block.Code;
        var (_, diagnostics, _) = await CompileAsync(source, wrapper is null ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary);

        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error && !d.Id.StartsWith("MC", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 0, block + " does not compile:\n" + string.Join("\n", errors) + "\n--- source ---\n" + source);

        var expected = block.Markers.TryGetValue("diagnostic", out var ids)
            ? ids.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).OrderBy(id => id, StringComparer.Ordinal).ToArray()
            : Array.Empty<string>();
        var actual = diagnostics.Where(d => d.Id.StartsWith("MC", StringComparison.Ordinal)).ToList();
        Assert.True(
            expected.SequenceEqual(actual.Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal)),
            block + ": expected diagnostics [" + string.Join(", ", expected) + "], got:\n" + string.Join("\n", actual));
    }

    /// <summary>
    /// Each line of a tour block (ignoring indentation; <c>// …</c> lines stand for left-out code) appears in the named
    /// generated file, in the same order, so the tour cannot drift from what the generator emits.
    /// </summary>
    [Theory]
    [MemberData(nameof(GeneratedBlocks))]
    public async Task GeneratedCodeExcerptMatchesTheGenerator(int line)
    {
        var block = ReadmeDocument.Repository.CSharp.Single(b => b.Line == line);
        var (_, _, sources) = await CompileAsync("internal static class Empty { }\n");
        var hintName = block.Markers["generated"];
        Assert.True(sources.TryGetValue(hintName, out var generated), block + ": the generator emits no " + hintName + " (it emits " + string.Join(", ", sources.Keys) + ")");

        var generatedLines = generated!.Replace("\r\n", "\n").Split('\n').Select(l => l.Trim()).ToList();
        var next = 0;
        foreach (var excerptLine in block.Code.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("// …", StringComparison.Ordinal)))
        {
            var found = generatedLines.IndexOf(excerptLine, next);
            Assert.True(found >= 0, block + ": '" + excerptLine + "' is not in " + hintName + (generatedLines.IndexOf(excerptLine) >= 0 ? " after the previous line" : "") + ".");
            next = found + 1;
        }
    }

    private static async Task<(Compilation Output, ImmutableArray<Diagnostic> Diagnostics, IReadOnlyDictionary<string, string> Sources)> CompileAsync(
        string source, OutputKind kind = OutputKind.DynamicallyLinkedLibrary)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var compilation = CSharpCompilation.Create(
            "Demo",
            new[] { CSharpSyntaxTree.ParseText(source, parseOptions, path: ProgramPath) },
            ConsumerReferences.Value,
            new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable));
        var additionalFiles = ImmutableArray.Create<AdditionalText>(new DirectAnalyzerRunner.InMemoryAdditionalText(CatalogPath, ReadmeDocument.Repository.Catalog));
        var options = new DirectAnalyzerRunner.ConfigOptionsProvider(ImmutableDictionary<string, string>.Empty.Add("build_property.RootNamespace", "Demo"));

        var driver = CSharpGeneratorDriver.Create(new[] { new ModelCatalogGenerator().AsSourceGenerator() }, additionalFiles, parseOptions, options)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        Assert.Empty(generatorDiagnostics);
        var sources = driver.GetRunResult().Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());

        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new ModelRefAnalyzer(), new CatalogFileAnalyzer());
        var diagnostics = await output.WithAnalyzers(analyzers, new AnalyzerOptions(additionalFiles, options)).GetAllDiagnosticsAsync(CancellationToken.None);
        return (output, diagnostics, sources);
    }

    /// <summary>
    /// What a consumer app references: the .NET the tests run on, the runtime, Microsoft.Extensions.AI (+ Abstractions),
    /// Microsoft.Extensions.Http and DependencyInjection (for the README's dependency-injection example); not the
    /// compiler, the analyzers or the test framework.
    /// </summary>
    private static readonly Lazy<MetadataReference[]> ConsumerReferences = new(() =>
    {
        var excluded = new[] { "Microsoft.CodeAnalysis", "ModelCatalog.Generator", "ModelCatalog.Analyzers", "xunit", "testhost", "Microsoft.TestPlatform", "Microsoft.VisualStudio", "Basic.Reference", "YamlDotNet", "DiffPlex", "Humanizer", "NuGet." };
        return ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => !excluded.Any(prefix => Path.GetFileName(path).StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
            .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(group => (MetadataReference)MetadataReference.CreateFromFile(group.First()))
            .ToArray();
    });
}
