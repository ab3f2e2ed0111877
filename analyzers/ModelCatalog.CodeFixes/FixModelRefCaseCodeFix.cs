using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using ModelCatalog.Generator.Diagnostics;

namespace ModelCatalog.CodeFixes;

/// <summary>MC1001: rewrites the literal with the model id in its catalog case (<c>"minimax/minimax-m2.1"</c> → <c>"minimax/MiniMax-M2.1"</c>).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(FixModelRefCaseCodeFix)), Shared]
public sealed class FixModelRefCaseCodeFix : CodeFixProvider
{
    private const string EquivalenceKey = "ModelCatalog.FixModelRefCase";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ModelRefCaseMismatch);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => ModelRefLiteralFixAllProvider.Instance;

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
            if (ModelRefLiteralEditor.Target(root, diagnostic, out var replacement) is not null)
            {
                var document = context.Document;
                context.RegisterCodeFix(
                    CodeAction.Create("Use '" + replacement + "' (model ids are case-sensitive)",
                        cancellationToken => ModelRefLiteralEditor.ReplaceAsync(document, new[] { diagnostic }, cancellationToken), EquivalenceKey),
                    diagnostic);
            }
        }
    }
}
