using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelCatalog.Analyzers;

namespace ModelCatalog.CodeFixes;

/// <summary>
/// Replaces ref expressions with the generated constant, in the shortest form that binds to it: <c>ModelIds.X.Y</c>
/// where the generated namespace is in scope; else <c>ModelIds.X.Y</c> plus <c>using &lt;namespace&gt;;</c> when
/// nothing else called <c>ModelIds</c> is visible there; else qualified (<c>Demo.ModelIds.X.Y</c>, or with
/// <c>global::</c> when even that would bind to something else). Decided with the document's semantic model, never by
/// guessing, so the fix cannot change which constant the code means.
/// </summary>
internal static class ModelIdsConstantEditor
{
    /// <summary>The expression a diagnostic points at, with the constant's path and namespace from its properties.</summary>
    public static ExpressionSyntax? Target(SyntaxNode root, Diagnostic diagnostic, out string generatedNamespace, out string constant)
    {
        generatedNamespace = constant = string.Empty;
        if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.Constant, out var path) || path is null ||
            !diagnostic.Location.IsInSource || !root.FullSpan.Contains(diagnostic.Location.SourceSpan))
        {
            return null;
        }

        diagnostic.Properties.TryGetValue(DiagnosticProperties.Namespace, out var ns);
        generatedNamespace = ns ?? string.Empty;
        constant = path;
        return root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) as ExpressionSyntax;
    }

    public static async Task<Document> ReplaceAsync(Document document, IEnumerable<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is not CompilationUnitSyntax compilationUnit || model is null)
        {
            return document;
        }

        var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
        string? usingToAdd = null;
        foreach (var diagnostic in diagnostics)
        {
            if (Target(root, diagnostic, out var ns, out var constant) is not { } expression)
            {
                continue;
            }

            var text = ChooseName(model, expression.SpanStart, ns, constant, out bool needsUsing);
            if (needsUsing)
            {
                usingToAdd = ns;
            }

            replacements[expression] = SyntaxFactory.ParseExpression(text).WithTriviaFrom(expression);
        }

        if (replacements.Count == 0)
        {
            return document;
        }

        var edited = (CompilationUnitSyntax)compilationUnit.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]);
        return document.WithSyntaxRoot(usingToAdd is null ? edited : UsingDirectives.Add(edited, usingToAdd));
    }

    private static string ChooseName(SemanticModel model, int position, string ns, string constant, out bool needsUsing)
    {
        needsUsing = false;
        var fullName = ns.Length == 0 ? constant : ns + "." + constant;
        if (BindsTo(model, position, constant, fullName))
        {
            return constant; // the generated namespace is in scope (the IDE always has the generated code)
        }

        // Without a visible generated ModelIds (first build, or a host that runs no generators) decide from scope: nothing
        // else may be called ModelIds there, and the namespace must be enclosing, imported, or importable.
        if (model.LookupNamespacesAndTypes(position, name: "ModelIds").IsEmpty)
        {
            if (ns.Length == 0 || NamespaceInScope(model, position, ns))
            {
                return constant;
            }

            needsUsing = true;
            return constant;
        }

        if (ns.Length > 0 && (BindsTo(model, position, fullName, fullName) || FirstSegmentIsFree(model, position, ns)))
        {
            return fullName;
        }

        return "global::" + fullName;
    }

    private static bool BindsTo(SemanticModel model, int position, string expression, string fullName) =>
        model.GetSpeculativeSymbolInfo(position, SyntaxFactory.ParseExpression(expression), SpeculativeBindingOption.BindAsExpression).Symbol is IFieldSymbol field &&
        field.ToDisplayString() == fullName;

    /// <summary>Enclosing namespace, a using in this file or its namespaces, or a global using anywhere in the project.</summary>
    private static bool NamespaceInScope(SemanticModel model, int position, string ns)
    {
        for (var current = model.GetEnclosingSymbol(position)?.ContainingNamespace; current is { IsGlobalNamespace: false }; current = current.ContainingNamespace)
        {
            if (current.ToDisplayString() == ns)
            {
                return true;
            }
        }

        var token = model.SyntaxTree.GetRoot().FindToken(position);
        foreach (var node in token.Parent?.AncestorsAndSelf() ?? Enumerable.Empty<SyntaxNode>())
        {
            var usings = node switch
            {
                CompilationUnitSyntax unit => unit.Usings,
                BaseNamespaceDeclarationSyntax declaration => declaration.Usings,
                _ => default,
            };
            if (usings.Any(u => Imports(u, ns)))
            {
                return true;
            }
        }

        foreach (var tree in model.Compilation.SyntaxTrees)
        {
            if (tree.GetRoot() is CompilationUnitSyntax unit && unit.Usings.Any(u => u.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword) && Imports(u, ns)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Imports(UsingDirectiveSyntax directive, string ns) =>
        directive.Alias is null && directive.StaticKeyword.IsKind(SyntaxKind.None) && directive.Name is { } name &&
        name.ToString().Replace("global::", string.Empty) == ns;

    /// <summary>"Demo.ModelIds…" only means the namespace when nothing but a namespace is called "Demo" at this position.</summary>
    private static bool FirstSegmentIsFree(SemanticModel model, int position, string ns)
    {
        var first = ns.Split('.')[0];
        return model.LookupSymbols(position, name: first).All(static symbol => symbol is INamespaceSymbol);
    }
}
