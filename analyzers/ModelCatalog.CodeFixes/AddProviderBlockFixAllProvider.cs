using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using ModelCatalog.Analyzers;

namespace ModelCatalog.CodeFixes;

/// <summary>
/// Fix All for MC1002. The default batch fixer merges C# text changes and would drop (or conflict on) several edits of
/// the same additional document, so this one gathers the diagnostics of the scope, groups them per project into one
/// block per provider, and edits each project's models.yaml once.
/// </summary>
internal sealed class AddProviderBlockFixAllProvider : FixAllProvider
{
    public static readonly AddProviderBlockFixAllProvider Instance = new();

    public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() =>
        new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

    public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
    {
        var diagnostics = new List<(Project Project, Diagnostic Diagnostic)>();
        switch (fixAllContext.Scope)
        {
            case FixAllScope.Document when fixAllContext.Document is { } document:
                foreach (var diagnostic in await fixAllContext.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false))
                {
                    diagnostics.Add((document.Project, diagnostic));
                }

                break;
            case FixAllScope.Project:
                foreach (var diagnostic in await fixAllContext.GetAllDiagnosticsAsync(fixAllContext.Project).ConfigureAwait(false))
                {
                    diagnostics.Add((fixAllContext.Project, diagnostic));
                }

                break;
            case FixAllScope.Solution:
                foreach (var project in fixAllContext.Solution.Projects)
                {
                    foreach (var diagnostic in await fixAllContext.GetAllDiagnosticsAsync(project).ConfigureAwait(false))
                    {
                        diagnostics.Add((project, diagnostic));
                    }
                }

                break;
        }

        // Source order, so the blocks (and model ids) land in models.yaml in the order the code uses them.
        var byProject = diagnostics
            .Where(d => fixAllContext.DiagnosticIds.Contains(d.Diagnostic.Id))
            .OrderBy(d => d.Diagnostic.Location.SourceTree?.FilePath, System.StringComparer.Ordinal)
            .ThenBy(d => d.Diagnostic.Location.SourceSpan.Start)
            .GroupBy(d => d.Project.Id)
            .ToList();
        if (byProject.Count == 0)
        {
            return null;
        }

        return CodeAction.Create("Add the missing providers to models.yaml", async cancellationToken =>
        {
            var solution = fixAllContext.Solution;
            foreach (var group in byProject)
            {
                var blocks = CatalogDocumentEditor.Blocks(group.Select(d => d.Diagnostic));
                group.First().Diagnostic.Properties.TryGetValue(DiagnosticProperties.CatalogPath, out var catalogPath);
                solution = await CatalogDocumentEditor.AddBlocksAsync(solution, group.Key, catalogPath, blocks, cancellationToken).ConfigureAwait(false);
            }

            return solution;
        }, AddProviderBlockCodeFix.EquivalenceKey);
    }
}
