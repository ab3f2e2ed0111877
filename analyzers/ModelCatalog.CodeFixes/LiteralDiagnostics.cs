using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ModelCatalog.Analyzers;

namespace ModelCatalog.CodeFixes;

/// <summary>
/// The diagnostics <see cref="ModelRefAnalyzer"/> reports at exactly one span, computed the way the IDE computes them:
/// the analyzer itself over the document's semantic model, with the project's analyzer options (models.yaml, global
/// config) and the compilation's severity settings. Only the member around the span is analyzed. Running the analyzer
/// rather than a copy of its rules keeps every refactoring tied to a diagnostic the user would see.
/// </summary>
internal static class LiteralDiagnostics
{
    public static async Task<ImmutableArray<Diagnostic>> GetAsync(Document document, TextSpan span, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (model is null)
        {
            return ImmutableArray<Diagnostic>.Empty;
        }

        var options = new CompilationWithAnalyzersOptions(document.Project.AnalyzerOptions, onAnalyzerException: null, concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        var analysis = model.Compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ModelRefAnalyzer()), options);
        var diagnostics = await analysis.GetAnalyzerSemanticDiagnosticsAsync(model, span, cancellationToken).ConfigureAwait(false);
        return diagnostics.Where(d => !d.IsSuppressed && d.Location.IsInSource && d.Location.SourceSpan == span && d.Location.SourceTree == model.SyntaxTree)
            .ToImmutableArray();
    }
}
