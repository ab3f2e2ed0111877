using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ModelCatalog.CodeFixes;

/// <summary>
/// Adds <c>using N;</c> where the file keeps its usings — at the top, or inside the first namespace when that is the
/// file's style — in alphabetical place among the plain usings, with the file's line ending.
/// </summary>
internal static class UsingDirectives
{
    public static CompilationUnitSyntax Add(CompilationUnitSyntax root, string ns)
    {
        var newLine = root.ToFullString().Contains("\r\n") ? SyntaxFactory.CarriageReturnLineFeed : SyntaxFactory.LineFeed;
        var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(ns))
            .WithUsingKeyword(SyntaxFactory.Token(SyntaxKind.UsingKeyword).WithTrailingTrivia(SyntaxFactory.Space))
            .WithTrailingTrivia(newLine);

        if (root.Usings.Count == 0 && root.Members.FirstOrDefault() is BaseNamespaceDeclarationSyntax { Usings.Count: > 0 } first)
        {
            return root.ReplaceNode(first, first.WithUsings(Insert(first.Usings, directive.WithLeadingTrivia(first.Usings[0].GetLeadingTrivia()))));
        }

        if (root.Usings.Count == 0)
        {
            // The first using of the file: a blank line between it and the code, and the file's leading comments stay first.
            var leading = root.GetLeadingTrivia();
            var body = root.WithoutLeadingTrivia();
            return body.WithUsings(SyntaxFactory.SingletonList(directive.WithLeadingTrivia(leading).WithTrailingTrivia(newLine, newLine)));
        }

        return root.WithUsings(Insert(root.Usings, directive));
    }

    private static SyntaxList<UsingDirectiveSyntax> Insert(SyntaxList<UsingDirectiveSyntax> usings, UsingDirectiveSyntax directive)
    {
        var name = directive.Name!.ToString();
        int index = 0;
        while (index < usings.Count && IsPlain(usings[index]) && string.Compare(usings[index].Name!.ToString(), name, StringComparison.OrdinalIgnoreCase) < 0)
        {
            index++;
        }

        if (index == 0)
        {
            // Taking the first place: the old first using's leading trivia (file header) moves to the new one.
            var first = usings[0];
            return usings.Replace(first, first.WithLeadingTrivia(SyntaxFactory.TriviaList())).Insert(0, directive.WithLeadingTrivia(first.GetLeadingTrivia()));
        }

        return usings.Insert(index, directive);
    }

    private static bool IsPlain(UsingDirectiveSyntax directive) =>
        directive.Alias is null && directive.StaticKeyword.IsKind(SyntaxKind.None) && directive.Name is not null;
}
