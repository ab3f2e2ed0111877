using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ModelCatalog.CodeFixes;

/// <summary>Fix All for the in-place literal fixes: every literal of a document rewritten in one pass (document, project, solution scope).</summary>
internal sealed class ModelRefLiteralFixAllProvider : DocumentBasedFixAllProvider
{
    public static readonly ModelRefLiteralFixAllProvider Instance = new();

    protected override Task<Document?> FixAllAsync(FixAllContext fixAllContext, Document document, ImmutableArray<Diagnostic> diagnostics) =>
        ReplaceAsync(fixAllContext, document, diagnostics);

    private static async Task<Document?> ReplaceAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics) =>
        await ModelRefLiteralEditor.ReplaceAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false);
}
