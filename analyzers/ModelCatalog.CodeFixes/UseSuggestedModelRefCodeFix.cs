using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using ModelCatalog.Generator.Diagnostics;

namespace ModelCatalog.CodeFixes;

/// <summary>
/// MC1002 (a provider typo: <c>"minmax/…"</c> → <c>"minimax/…"</c>) and MC1003 (one clearly nearest model id or alias):
/// rewrites the literal with the suggestion. Offered only when the analyzer found a single clear candidate.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseSuggestedModelRefCodeFix)), Shared]
public sealed class UseSuggestedModelRefCodeFix : CodeFixProvider
{
    private const string EquivalenceKey = "ModelCatalog.UseSuggestedModelRef";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.ModelRefUnknownProvider, DiagnosticIds.ModelRefUnknownModel);

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
                    CodeAction.Create("Change to '" + replacement + "'",
                        cancellationToken => ModelRefLiteralEditor.ReplaceAsync(document, new[] { diagnostic }, cancellationToken), EquivalenceKey),
                    diagnostic);
            }
        }
    }
}
