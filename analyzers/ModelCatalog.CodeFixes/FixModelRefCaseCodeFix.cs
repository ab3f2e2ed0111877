using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using ModelCatalog.Generator.Diagnostics;

namespace ModelCatalog.CodeFixes;

/// <summary>MC1001: rewrites the literal with the model id in its catalog case (<c>"minimax/minimax-m2.1"</c> → <c>"minimax/MiniMax-M2.1"</c>).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(FixModelRefCaseCodeFix)), Shared]
public sealed class FixModelRefCaseCodeFix : ModelRefLiteralCodeFix
{
    /// <summary>Creates the fix.</summary>
    public FixModelRefCaseCodeFix()
        : base("ModelCatalog.FixModelRefCase", DiagnosticIds.ModelRefCaseMismatch)
    {
    }

    /// <summary>The title of this edit wherever the ref is written (C# or a configuration file).</summary>
    internal static string TitleFor(string replacement) => "Use '" + replacement + "' (model ids are case-sensitive)";

    private protected override string Title(string replacement) => TitleFor(replacement);
}
