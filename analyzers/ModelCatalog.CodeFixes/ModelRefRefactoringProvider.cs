using System.Collections.Generic;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeRefactorings;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace ModelCatalog.CodeFixes;

/// <summary>
/// The literal fixes of MC1001–MC1004 offered as refactorings on the string literal under the caret, for editors whose
/// language server lists refactorings but no analyzer code fixes (README.md, Model refs in C#). What is offered comes from the
/// analyzer's own diagnostics for that literal (<see cref="LiteralDiagnostics"/>), so a literal the analyzer leaves
/// alone (a correct ref, an id meant for another client, a rule set to <c>none</c>) gets nothing; the actions are the
/// code fixes' own (<see cref="IModelRefLiteralFix"/>).
/// </summary>
[ExportCodeRefactoringProvider(LanguageNames.CSharp, Name = nameof(ModelRefRefactoringProvider)), Shared]
public sealed class ModelRefRefactoringProvider : CodeRefactoringProvider
{
    // MC1001 gets the case fix and the constant; MC1004 the constant; MC1002/MC1003 the suggestion (when clear).
    private static readonly IModelRefLiteralFix[] Fixes = { new FixModelRefCaseCodeFix(), new UseModelIdsConstantCodeFix(), new UseSuggestedModelRefCodeFix() };

    /// <inheritdoc/>
    public override async Task ComputeRefactoringsAsync(CodeRefactoringContext context)
    {
        var document = context.Document;
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || StringLiteralAt(root, context.Span) is not { } literal)
        {
            return; // cheap syntax check first: the analysis below runs only with the caret in a string literal
        }

        var titles = new HashSet<string>();
        foreach (var diagnostic in await LiteralDiagnostics.GetAsync(document, literal.Span, context.CancellationToken).ConfigureAwait(false))
        {
            foreach (var fix in Fixes)
            {
                if (fix.FixableDiagnosticIds.Contains(diagnostic.Id) && fix.CreateAction(document, root, diagnostic) is { } action && titles.Add(action.Title))
                {
                    context.RegisterRefactoring(action);
                }
            }
        }
    }

    /// <summary>The string literal the span lies in; a caret just after the closing quote counts as in it.</summary>
    private static LiteralExpressionSyntax? StringLiteralAt(SyntaxNode root, TextSpan span)
    {
        if (!root.FullSpan.Contains(span.Start))
        {
            return null;
        }

        var literal = AsStringLiteral(root.FindToken(span.Start));
        if (literal is null && span.Start > 0)
        {
            literal = AsStringLiteral(root.FindToken(span.Start - 1));
        }

        return literal is not null && literal.Span.Start <= span.Start && span.End <= literal.Span.End ? literal : null;
    }

    private static LiteralExpressionSyntax? AsStringLiteral(SyntaxToken token) =>
        token.IsKind(SyntaxKind.StringLiteralToken) && token.Parent is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression)
            ? literal
            : null;
}
