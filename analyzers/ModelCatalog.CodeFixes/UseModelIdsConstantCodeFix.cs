using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using ModelCatalog.Generator.Diagnostics;

namespace ModelCatalog.CodeFixes;

/// <summary>
/// MC1004 (and MC1001): replaces a ref with its generated constant, e.g. <c>"minimax/MiniMax-M2.1"</c> →
/// <c>ModelIds.Minimax.MiniMaxM2_1</c>, adding <c>using &lt;generated namespace&gt;;</c> when needed.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseModelIdsConstantCodeFix)), Shared]
public sealed class UseModelIdsConstantCodeFix : CodeFixProvider, IModelRefLiteralFix
{
    private const string EquivalenceKey = "ModelCatalog.UseModelIdsConstant";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.UseModelIdsConstant, DiagnosticIds.ModelRefCaseMismatch);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => ModelIdsConstantFixAllProvider.Instance;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
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

    private static CodeAction? CreateAction(Document document, SyntaxNode root, Diagnostic diagnostic) =>
        ModelIdsConstantEditor.Target(root, diagnostic, out _, out var constant) is null
            ? null
            : CodeAction.Create("Use " + constant,
                cancellationToken => ModelIdsConstantEditor.ReplaceAsync(document, new[] { diagnostic }, cancellationToken), EquivalenceKey);
}
