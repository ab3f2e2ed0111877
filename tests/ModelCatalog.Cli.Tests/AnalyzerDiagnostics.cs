using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ModelCatalog.Analyzers;

namespace ModelCatalog.Cli.Tests;

/// <summary>What the build reports for a catalog: CatalogFileAnalyzer run on a compilation with the file as an additional file.</summary>
internal static class AnalyzerDiagnostics
{
    public static ImmutableArray<Diagnostic> For(string path)
    {
        var compilation = CSharpCompilation.Create("App", new[] { CSharpSyntaxTree.ParseText("class C { }") },
            new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) },
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var options = new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(new FileText(path)));
        return compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new CatalogFileAnalyzer()), options)
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None).Result
            .OrderBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id).ToImmutableArray();
    }

    private sealed class FileText : AdditionalText
    {
        public FileText(string path) => Path = path;

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(File.ReadAllText(Path));
    }
}
