using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using ModelCatalog.Analyzers;
using ModelCatalog.Generator.Diagnostics;

namespace ModelCatalog.CodeFixes;

/// <summary>
/// MC1002: adds <c>models.providers.&lt;id&gt;</c> to models.yaml — a built-in provider's own values in replace mode, a
/// well-known provider's template, or a stub with <c>${…}</c> references — with the referenced model id. The fix hangs
/// off the diagnostic in C# or in appsettings*.json (an additional document, README.md "Model refs in configuration
/// files") and edits models.yaml; Fix All collects every provider and edits the file once.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddProviderBlockCodeFix),
    DocumentKinds = new[] { nameof(TextDocumentKind.Document), nameof(TextDocumentKind.AdditionalDocument) }), Shared]
public sealed class AddProviderBlockCodeFix : CodeFixProvider
{
    internal const string EquivalenceKey = "ModelCatalog.AddProviderBlock";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ModelRefUnknownProvider);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => AddProviderBlockFixAllProvider.Instance;

    /// <inheritdoc/>
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            var blocks = CatalogDocumentEditor.Blocks(new[] { diagnostic });
            if (blocks.Count == 0)
            {
                continue;
            }

            var project = context.TextDocument.Project;
            diagnostic.Properties.TryGetValue(DiagnosticProperties.CatalogPath, out var catalogPath);
            context.RegisterCodeFix(
                CodeAction.Create("Add provider '" + blocks[0].Template.Id + "' to " + (catalogPath is null ? "models.yaml" : System.IO.Path.GetFileName(catalogPath)),
                    cancellationToken => CatalogDocumentEditor.AddBlocksAsync(project.Solution, project.Id, catalogPath, blocks, cancellationToken),
                    EquivalenceKey),
                diagnostic);
        }

        return Task.CompletedTask;
    }
}
