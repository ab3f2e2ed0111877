using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ModelCatalog.CodeFixes;

/// <summary>
/// A fix that rewrites the model-ref literal with the replacement the analyzer put into the diagnostic (the right
/// case, or a clear did-you-mean). Derived fixes choose the diagnostics and the title; Fix All edits every literal.
/// </summary>
public abstract class ModelRefLiteralCodeFix : CodeFixProvider, IModelRefLiteralFix
{
    private readonly string _equivalenceKey;

    private protected ModelRefLiteralCodeFix(string equivalenceKey, params string[] diagnosticIds)
    {
        _equivalenceKey = equivalenceKey;
        FixableDiagnosticIds = ImmutableArray.Create(diagnosticIds);
    }

    /// <inheritdoc/>
    public sealed override ImmutableArray<string> FixableDiagnosticIds { get; }

    /// <inheritdoc/>
    public sealed override FixAllProvider GetFixAllProvider() => ModelRefLiteralFixAllProvider.Instance;

    /// <inheritdoc/>
    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (CreateAction(context.Document, root, diagnostic) is { } action)
            {
                context.RegisterCodeFix(action, diagnostic);
            }
        }
    }

    /// <inheritdoc/>
    CodeAction? IModelRefLiteralFix.CreateAction(Document document, SyntaxNode root, Diagnostic diagnostic) => CreateAction(document, root, diagnostic);

    private CodeAction? CreateAction(Document document, SyntaxNode root, Diagnostic diagnostic) =>
        ModelRefLiteralEditor.Target(root, diagnostic, out var replacement) is null
            ? null
            : CodeAction.Create(Title(replacement),
                cancellationToken => ModelRefLiteralEditor.ReplaceAsync(document, new[] { diagnostic }, cancellationToken), _equivalenceKey);

    /// <summary>The light-bulb title for replacing the literal with <paramref name="replacement"/>.</summary>
    private protected abstract string Title(string replacement);
}
