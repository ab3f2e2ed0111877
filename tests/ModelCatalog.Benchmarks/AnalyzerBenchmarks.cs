using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ModelCatalog.Analyzers;
using ModelCatalog.Generator;

namespace ModelCatalog.Benchmarks;

/// <summary>
/// README.md (Performance): analyzers ≤ 2% of compile time. A compilation with the generated code for models-dev.yaml (5,276 models)
/// and 450 model refs, analysed by the compiler alone and by the compiler plus ModelCatalog's analyzers; the difference
/// is the analyzers' cost. The catalog is parsed once per text and shared, as in a real build.
/// </summary>
[MemoryDiagnoser]
public class AnalyzerBenchmarks
{
    private CSharpCompilation _compilation = null!;
    private AnalyzerOptions _options = null!;
    private ImmutableArray<DiagnosticAnalyzer> _analyzers;

    [GlobalSetup]
    public void Setup()
    {
        var catalogText = SharedData.Read("catalogs/models-dev.yaml");
        var catalog = CatalogCompiler.Compile(catalogText, default).Spec;
        var refs = catalog.Providers.SelectMany(p => p.Models.Select(m => p.Id + "/" + m.Id)).Where((_, i) => i % 12 == 0).Take(400).ToList();
        var code = new StringBuilder("using Microsoft.Extensions.AI;\nnamespace Demo { static class Uses { static void M() {\n");
        for (int i = 0; i < refs.Count; i++)
        {
            code.Append("  var o").Append(i).Append(" = new ChatOptions { ModelId = \"").Append(refs[i].Replace("\"", "\\\"")).Append("\" };\n");
        }

        for (int i = 0; i < 50; i++)
        {
            code.Append("  var w").Append(i).Append(" = new ChatOptions { ModelId = \"minimax/minimax-m2.").Append(i).Append("\" };\n"); // wrong case / unknown
        }

        code.Append("} } }\n");

        var parseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);
        var compilation = CSharpCompilation.Create("Bench",
            new[] { CSharpSyntaxTree.ParseText(code.ToString(), parseOptions, path: "/p/Uses.cs") },
            Basic.Reference.Assemblies.Net80.References.All.Cast<MetadataReference>()
                .Append(MetadataReference.CreateFromFile(typeof(Catalog).Assembly.Location))
                .Append(MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.AI.ChatOptions).Assembly.Location)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var additional = ImmutableArray.Create<AdditionalText>(new CatalogText("/p/models.yaml", catalogText));
        var driver = CSharpGeneratorDriver.Create(new[] { new ModelCatalogGenerator().AsSourceGenerator() }, additional, parseOptions);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var withGenerated, out _);
        _compilation = (CSharpCompilation)withGenerated;
        _options = new AnalyzerOptions(additional);
        _analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new ModelRefAnalyzer(), new CatalogFileAnalyzer());
    }

    [Benchmark(Baseline = true, Description = "compiler diagnostics (bind + flow analysis)")]
    public int Compiler() => _compilation.Clone().GetDiagnostics().Length;

    [Benchmark(Description = "compiler + ModelCatalog analyzers")]
    public async Task<int> CompilerAndAnalyzers() =>
        (await _compilation.Clone().WithAnalyzers(_analyzers, _options).GetAllDiagnosticsAsync(CancellationToken.None)).Length;
}
