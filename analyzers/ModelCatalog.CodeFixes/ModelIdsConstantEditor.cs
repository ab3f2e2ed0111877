using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;
using ModelCatalog.Analyzers;

namespace ModelCatalog.CodeFixes;

/// <summary>
/// Replaces ref expressions with the generated constant. The constant is written fully qualified
/// (<c>global::Demo.ModelIds.Minimax.MiniMaxM2_1</c>); the import adder then adds <c>using Demo;</c> where the namespace
/// is not in scope yet, and the simplifier shortens the name as far as it still binds to the same constant, so a name
/// clash leaves it qualified instead of breaking the code.
/// </summary>
internal static class ModelIdsConstantEditor
{
    /// <summary>The expression a diagnostic points at, with the constant's path and namespace from its properties.</summary>
    public static ExpressionSyntax? Target(SyntaxNode root, Diagnostic diagnostic, out string qualifiedName, out string constant)
    {
        qualifiedName = constant = string.Empty;
        if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.Constant, out var path) || path is null ||
            !diagnostic.Location.IsInSource || !root.FullSpan.Contains(diagnostic.Location.SourceSpan))
        {
            return null;
        }

        diagnostic.Properties.TryGetValue(DiagnosticProperties.Namespace, out var ns);
        constant = path;
        qualifiedName = "global::" + (string.IsNullOrEmpty(ns) ? "" : ns + ".") + path;
        return root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) as ExpressionSyntax;
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
            if (Target(root, diagnostic, out var qualifiedName, out _) is { } expression)
            {
                replacements[expression] = SyntaxFactory.ParseExpression(qualifiedName)
                    .WithTriviaFrom(expression)
                    .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
            }
        }

        if (replacements.Count == 0)
        {
            return document;
        }

        var edited = document.WithSyntaxRoot(root.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]));
        edited = await ImportAdder.AddImportsAsync(edited, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await Simplifier.ReduceAsync(edited, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
