using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using ModelCatalog.Analyzers.Diagnostics;
using ModelCatalog.Generator;
using ModelCatalog.Generator.Model;

namespace ModelCatalog.Analyzers;

/// <summary>
/// The catalog diagnostics of one catalog file as Roslyn reports them (descriptor, message, line span). Shared by
/// CatalogFileAnalyzer (the build and the IDE) and the <c>modelcatalog check</c> command, so both print the same
/// ids, positions and messages.
/// </summary>
internal static class CatalogFileDiagnostics
{
    /// <param name="path">The file path the locations carry.</param>
    /// <param name="displayName">The name messages use for the file (<see cref="CatalogFileSelector.DisplayName"/>).</param>
    /// <param name="text">The file's text.</param>
    /// <param name="cancellationToken">Cancels the catalog pass.</param>
    public static IEnumerable<Diagnostic> Create(string path, string displayName, SourceText text, CancellationToken cancellationToken)
    {
        foreach (var diagnostic in CompiledCatalogCache.Get(text, displayName, cancellationToken).Diagnostics)
        {
            yield return Diagnostic.Create(DiagnosticDescriptors.ForCatalogId(diagnostic.Id), ToLocation(path, text, diagnostic.Range), diagnostic.Message);
        }
    }

    private static Location ToLocation(string path, SourceText text, TextRange range)
    {
        int start = System.Math.Min(System.Math.Max(range.Start, 0), text.Length);
        int end = System.Math.Min(System.Math.Max(range.End, start), text.Length);
        var span = TextSpan.FromBounds(start, end);
        return Location.Create(path, span, text.Lines.GetLinePositionSpan(span));
    }
}
