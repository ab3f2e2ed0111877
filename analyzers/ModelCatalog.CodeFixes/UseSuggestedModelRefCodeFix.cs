using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using ModelCatalog.Generator.Diagnostics;

namespace ModelCatalog.CodeFixes;

/// <summary>
/// MC1002 (a provider typo: <c>"minmax/…"</c> → <c>"minimax/…"</c>) and MC1003 (one clearly nearest model id or alias):
/// rewrites the literal with the suggestion. Offered only when the analyzer found a single clear candidate.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseSuggestedModelRefCodeFix)), Shared]
public sealed class UseSuggestedModelRefCodeFix : ModelRefLiteralCodeFix
{
    /// <summary>Creates the fix.</summary>
    public UseSuggestedModelRefCodeFix()
        : base("ModelCatalog.UseSuggestedModelRef", DiagnosticIds.ModelRefUnknownProvider, DiagnosticIds.ModelRefUnknownModel)
    {
    }

    /// <summary>The title of this edit wherever the ref is written (C# or a configuration file).</summary>
    internal static string TitleFor(string replacement) => "Change to '" + replacement + "'";

    private protected override string Title(string replacement) => TitleFor(replacement);
}
