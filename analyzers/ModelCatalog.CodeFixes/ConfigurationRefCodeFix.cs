using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using ModelCatalog.Analyzers;
using ModelCatalog.Generator.Diagnostics;

namespace ModelCatalog.CodeFixes;

/// <summary>
/// MC1001–MC1003 on a model ref in appsettings*.json (README.md, "Model refs in configuration files"): rewrites the JSON
/// string with the replacement the analyzer found — the catalog's case, or the one clear did-you-mean — under the same
/// titles as the C# fixes (<see cref="FixModelRefCaseCodeFix"/>, <see cref="UseSuggestedModelRefCodeFix"/>). The
/// configuration file is an additional document, so this fixer registers for that document kind.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ConfigurationRefCodeFix), DocumentKinds = new[] { nameof(TextDocumentKind.AdditionalDocument) }), Shared]
public sealed class ConfigurationRefCodeFix : CodeFixProvider
{
    private const string EquivalenceKey = "ModelCatalog.FixConfigurationRef";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        DiagnosticIds.ModelRefCaseMismatch, DiagnosticIds.ModelRefUnknownProvider, DiagnosticIds.ModelRefUnknownModel);

    /// <summary>
    /// None: Roslyn's code-fix service makes a Fix All context only for a diagnostic in a C# document (it requires a
    /// <c>Document</c>; an additional document gets no Fix All state, up to current Roslyn), and the 4.8
    /// <see cref="FixAllContext"/> exposes no additional document to fix. A provider here would never be called.
    /// </summary>
    public override FixAllProvider? GetFixAllProvider() => null;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var document = context.TextDocument;
        if (document.Project.GetAdditionalDocument(document.Id) is null || !ConfigurationFile.IsConfigurationFile(document.FilePath ?? document.Name))
        {
            return;
        }

        var text = await document.GetTextAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            var span = diagnostic.Location.SourceSpan;
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.Replacement, out var replacement) || replacement is null || !IsStringToken(text, span))
            {
                continue;
            }

            var title = diagnostic.Id == DiagnosticIds.ModelRefCaseMismatch ? FixModelRefCaseCodeFix.TitleFor(replacement) : UseSuggestedModelRefCodeFix.TitleFor(replacement);
            context.RegisterCodeFix(CodeAction.Create(title, cancellationToken => ReplaceAsync(document, span, replacement, cancellationToken), EquivalenceKey + "." + diagnostic.Id),
                diagnostic);
        }
    }

    private static async Task<Solution> ReplaceAsync(TextDocument document, TextSpan span, string replacement, CancellationToken cancellationToken)
    {
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        if (!IsStringToken(text, span))
        {
            return document.Project.Solution; // edited since the diagnostic: nothing safe to replace
        }

        return document.Project.Solution.WithAdditionalDocumentText(document.Id, text.Replace(span, YamlScalarText.DoubleQuoted(replacement)));
    }

    /// <summary>The span still covers one quoted string (the analyzer reports the token, quotes included).</summary>
    private static bool IsStringToken(SourceText text, TextSpan span) =>
        span.Length >= 2 && span.End <= text.Length && text[span.Start] is '"' or '\'' && text[span.End - 1] == text[span.Start];
}
