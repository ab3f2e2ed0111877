using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelCatalog.Analyzers;

namespace ModelCatalog.CodeFixes;

/// <summary>
/// Rewrites string literals in place with the value the analyzer put into <see cref="DiagnosticProperties.Replacement"/>.
/// Only literals: a ref that comes from a <c>const</c> elsewhere is fixed where that constant is written (its own
/// diagnostic), never by rewriting the use into a different literal.
/// </summary>
internal static class ModelRefLiteralEditor
{
    /// <summary>The literal a diagnostic points at, when it has a replacement value.</summary>
    public static LiteralExpressionSyntax? Target(SyntaxNode root, Diagnostic diagnostic, out string replacement)
    {
        replacement = string.Empty;
        if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.Replacement, out var value) || value is null ||
            !diagnostic.Location.IsInSource || !root.FullSpan.Contains(diagnostic.Location.SourceSpan))
        {
            return null;
        }

        replacement = value;
        return root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is LiteralExpressionSyntax literal &&
               literal.IsKind(SyntaxKind.StringLiteralExpression)
            ? literal
            : null;
    }

    public static async Task<Document> ReplaceAsync(Document document, IEnumerable<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
        foreach (var diagnostic in diagnostics)
        {
            if (Target(root, diagnostic, out var value) is { } literal)
            {
                replacements[literal] = literal.WithToken(SyntaxFactory.Literal(value).WithTriviaFrom(literal.Token));
            }
        }

        return replacements.Count == 0
            ? document
            : document.WithSyntaxRoot(root.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]));
    }
}
