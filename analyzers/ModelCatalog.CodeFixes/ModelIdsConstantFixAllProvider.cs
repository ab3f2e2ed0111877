using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ModelCatalog.CodeFixes;

/// <summary>
/// Fix All for "use the ModelIds constant": all refs of a document replaced in one pass, so the <c>using</c> is added
/// once and the simplifier runs once per document (document, project, solution scope).
/// </summary>
internal sealed class ModelIdsConstantFixAllProvider : DocumentBasedFixAllProvider
{
    public static readonly ModelIdsConstantFixAllProvider Instance = new();

    protected override Task<Document?> FixAllAsync(FixAllContext fixAllContext, Document document, ImmutableArray<Diagnostic> diagnostics) =>
        ReplaceAsync(fixAllContext, document, diagnostics);

    private static async Task<Document?> ReplaceAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics) =>
        await ModelIdsConstantEditor.ReplaceAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false);
}
