using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;

namespace ModelCatalog.CodeFixes;

/// <summary>
/// One edit of a model-ref literal, built from the analyzer's diagnostic: the code fix registers it for the diagnostic,
/// and <see cref="ModelRefRefactoringProvider"/> offers the same action as a refactoring, so both always make the same
/// edit under the same title.
/// </summary>
internal interface IModelRefLiteralFix
{
    /// <summary>The diagnostic ids this edit applies to.</summary>
    ImmutableArray<string> FixableDiagnosticIds { get; }

    /// <summary>The action for <paramref name="diagnostic"/>, or <c>null</c> when its properties give no edit (no clear suggestion).</summary>
    CodeAction? CreateAction(Document document, SyntaxNode root, Diagnostic diagnostic);
}
