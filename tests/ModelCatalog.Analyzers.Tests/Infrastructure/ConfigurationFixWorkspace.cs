using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace ModelCatalog.Analyzers.Tests.Infrastructure;

/// <summary>
/// Applies code fixes to diagnostics in a configuration file the way an editor does: a workspace project (the ModelRef
/// test references plus the configuration APIs, models.yaml and appsettings.json as additional documents), the
/// analyzer's diagnostics for the file, a <see cref="CodeFixContext"/> on the additional document, the chosen action
/// applied, repeated until no fix is left. Microsoft.CodeAnalysis.Testing 1.1.4 does not apply fixes to additional
/// documents, so this does what its harness would.
/// </summary>
internal sealed class ConfigurationFixWorkspace : IDisposable
{
    private readonly AdhocWorkspace _workspace = new();
    private readonly DocumentId _settingsId;
    private readonly DocumentId _catalogId;

    public ConfigurationFixWorkspace(string source, string catalog, string settingsPath, string settings)
    {
        var project = _workspace.AddProject(ProjectInfo.Create(ProjectId.CreateNewId(), VersionStamp.Default, "Demo", "Demo", LanguageNames.CSharp,
            filePath: "/0/Demo.csproj",
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            metadataReferences: Basic.Reference.Assemblies.Net80.References.All.Concat(ModelRefTestSetup.RuntimeReferences()).Concat(ConfigurationRefTest.ConfigurationReferences())));
        _settingsId = DocumentId.CreateNewId(project.Id);
        _catalogId = DocumentId.CreateNewId(project.Id);
        var solution = project.Solution
            .AddDocument(DocumentId.CreateNewId(project.Id), "Program.cs", SourceText.From(source), filePath: "/0/Program.cs")
            .AddAnalyzerConfigDocument(DocumentId.CreateNewId(project.Id), ".globalconfig", SourceText.From(ModelRefTestSetup.GlobalConfig), filePath: "/.globalconfig")
            .AddAdditionalDocument(_catalogId, "models.yaml", SourceText.From(catalog), filePath: ModelRefTestSetup.CatalogPath)
            .AddAdditionalDocument(_settingsId, System.IO.Path.GetFileName(settingsPath), SourceText.From(settings), filePath: settingsPath);
        Assert.True(_workspace.TryApplyChanges(solution));
    }

    /// <summary>The titles offered, in order, and the file's text after applying the first fix of each diagnostic until none is left.</summary>
    public async Task<(List<string> Titles, string Text)> FixAllOneByOneAsync(CodeFixProvider provider)
    {
        var titles = new List<string>();
        var solution = _workspace.CurrentSolution;
        for (int round = 0; round < 20; round++)
        {
            var document = solution.GetAdditionalDocument(_settingsId)!;
            CodeAction? first = null;
            foreach (var diagnostic in await DiagnosticsAsync(document.Project))
            {
                if (!provider.FixableDiagnosticIds.Contains(diagnostic.Id))
                {
                    continue;
                }

                var actions = new List<CodeAction>();
                await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
                first ??= actions.FirstOrDefault();
            }

            if (first is null)
            {
                return (titles, (await solution.GetAdditionalDocument(_settingsId)!.GetTextAsync()).ToString());
            }

            titles.Add(first.Title);
            var apply = Assert.IsType<ApplyChangesOperation>(Assert.Single(await first.GetOperationsAsync(CancellationToken.None)));
            var changes = apply.ChangedSolution.GetChanges(solution).GetProjectChanges().ToList();
            Assert.Equal(new[] { _settingsId }, changes.SelectMany(p => p.GetChangedAdditionalDocuments()).ToArray()); // the JSON file and nothing else
            Assert.Empty(changes.SelectMany(p => p.GetChangedDocuments()));
            solution = apply.ChangedSolution;
        }

        throw new InvalidOperationException("the fixes did not converge");
    }

    /// <summary>Applies the first action <paramref name="provider"/> offers for the file's first diagnostic: its title and the texts of models.yaml and the file after it.</summary>
    public async Task<(string Title, string Catalog, string Settings)> ApplyFirstAsync(CodeFixProvider provider)
    {
        var solution = _workspace.CurrentSolution;
        var document = solution.GetAdditionalDocument(_settingsId)!;
        var actions = new List<CodeAction>();
        var diagnostic = (await DiagnosticsAsync(document.Project)).First(d => provider.FixableDiagnosticIds.Contains(d.Id));
        await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        var apply = Assert.IsType<ApplyChangesOperation>(Assert.Single(await actions.First().GetOperationsAsync(CancellationToken.None)));
        return (actions[0].Title, (await apply.ChangedSolution.GetAdditionalDocument(_catalogId)!.GetTextAsync()).ToString(),
            (await apply.ChangedSolution.GetAdditionalDocument(_settingsId)!.GetTextAsync()).ToString());
    }

    /// <summary>The configuration analyzer's diagnostics in the file (after a fix, the ones that remain).</summary>
    public async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync() => await DiagnosticsAsync(_workspace.CurrentSolution.GetProject(_settingsId.ProjectId)!);

    private static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(Project project)
    {
        var compilation = (await project.GetCompilationAsync())!;
        return await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ConfigurationRefAnalyzer()), project.AnalyzerOptions)
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None);
    }

    public void Dispose() => _workspace.Dispose();
}
