using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using ModelCatalog.Analyzers;
using ModelCatalog.Generator;

namespace ModelCatalog.CodeFixes;

/// <summary>
/// Applies provider blocks to a project's models.yaml (an additional document, edited with
/// <see cref="Solution.WithAdditionalDocumentText(DocumentId, SourceText, PreservationMode)"/>), or adds a models.yaml to
/// a project that has none.
/// </summary>
internal static class CatalogDocumentEditor
{
    /// <summary>Groups MC1002 diagnostics into one block per provider (ids ignoring case), model ids in order of first use.</summary>
    public static List<ProviderBlock> Blocks(IEnumerable<Diagnostic> diagnostics)
    {
        var modelsByProvider = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        var order = new List<string>();
        foreach (var diagnostic in diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.Provider, out var provider) || provider is null ||
                !diagnostic.Properties.TryGetValue(DiagnosticProperties.ModelId, out var modelId) || modelId is null)
            {
                continue;
            }

            if (!modelsByProvider.TryGetValue(provider, out var models))
            {
                modelsByProvider.Add(provider, models = new List<string>());
                order.Add(provider);
            }

            if (!models.Contains(modelId, StringComparer.Ordinal))
            {
                models.Add(modelId);
            }
        }

        return order.Select(provider => new ProviderBlock(ProviderTemplates.For(provider), modelsByProvider[provider])).ToList();
    }

    /// <summary>The catalog the analyzer read (its path is in the diagnostic), else the project's models.yaml by name.</summary>
    public static TextDocument? FindCatalog(Project project, string? catalogPath)
    {
        TextDocument? byName = null;
        foreach (var document in project.AdditionalDocuments)
        {
            if (catalogPath is not null && string.Equals(document.FilePath, catalogPath, StringComparison.OrdinalIgnoreCase))
            {
                return document;
            }

            if (byName is null && CatalogFileSelector.IsCatalog(document.FilePath ?? document.Name, configuredPath: null))
            {
                byName = document;
            }
        }

        return byName;
    }

    public static async Task<Solution> AddBlocksAsync(Solution solution, ProjectId projectId, string? catalogPath, IReadOnlyList<ProviderBlock> blocks, CancellationToken cancellationToken)
    {
        var project = solution.GetProject(projectId);
        if (project is null || blocks.Count == 0)
        {
            return solution;
        }

        var catalog = FindCatalog(project, catalogPath);
        if (catalog is null)
        {
            // No models.yaml yet: create one next to the project file; the package's build files pick it up from there.
            var text = ProviderBlockWriter.Insert(string.Empty, blocks, cancellationToken)!;
            var directory = project.FilePath is { } projectFile ? Path.GetDirectoryName(projectFile) : null;
            return solution.AddAdditionalDocument(DocumentId.CreateNewId(projectId), CatalogFileSelector.DefaultFileName, SourceText.From(text),
                filePath: directory is null ? null : Path.Combine(directory, CatalogFileSelector.DefaultFileName));
        }

        var current = await catalog.GetTextAsync(cancellationToken).ConfigureAwait(false);
        var updated = ProviderBlockWriter.Insert(current.ToString(), blocks, cancellationToken);
        return updated is null
            ? solution
            : solution.WithAdditionalDocumentText(catalog.Id, SourceText.From(updated, current.Encoding, current.ChecksumAlgorithm));
    }
}
