using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeRefactorings;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ModelCatalog.Generator;
using Xunit;

namespace ModelCatalog.Analyzers.Tests.Infrastructure;

/// <summary>
/// Runs a <see cref="CodeRefactoringProvider"/> the way an editor does: a workspace project like the code-fix tests'
/// (net8.0 references, the runtime, Microsoft.Extensions.AI.Abstractions, RootNamespace = Demo, models.yaml as an
/// additional file, the generator running so ModelIds is visible) and a caret or selection in Program.cs.
/// No refactoring test package is on the NuGet feed, so this does what its harness would: collect, apply, compare.
/// </summary>
internal sealed class RefactoringWorkspace : IDisposable
{
    private readonly AdhocWorkspace _workspace = new();

    /// <param name="markup">Program.cs with the caret as <c>$$</c> or the selection as <c>[|…|]</c>.</param>
    public RefactoringWorkspace(string markup, string? catalog, string globalConfig = ModelRefTestSetup.GlobalConfig, bool catalogOnlyApp = false)
    {
        int caret = markup.IndexOf("$$", StringComparison.Ordinal);
        int start = markup.IndexOf("[|", StringComparison.Ordinal);
        var source = markup.Replace("$$", string.Empty).Replace("[|", string.Empty).Replace("|]", string.Empty);
        Span = caret >= 0 ? new TextSpan(caret, 0) : TextSpan.FromBounds(start, markup.IndexOf("|]", StringComparison.Ordinal) - 2);

        var project = _workspace.AddProject(ProjectInfo.Create(ProjectId.CreateNewId(), VersionStamp.Default, "Demo", "Demo", LanguageNames.CSharp,
            filePath: "/0/Demo.csproj",
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            metadataReferences: Basic.Reference.Assemblies.Net80.References.All.Concat(ModelRefTestSetup.RuntimeReferences()),
            analyzerReferences: new AnalyzerReference[] { new GeneratorReference() }));
        var document = _workspace.AddDocument(DocumentInfo.Create(DocumentId.CreateNewId(project.Id), "Program.cs",
            loader: TextLoader.From(TextAndVersion.Create(SourceText.From(source), VersionStamp.Default)), filePath: "/0/Program.cs"));
        var solution = document.Project.Solution
            .AddAnalyzerConfigDocument(DocumentId.CreateNewId(project.Id), ".globalconfig", SourceText.From(globalConfig), filePath: "/.globalconfig");
        if (catalog is not null)
        {
            solution = solution.AddAdditionalDocument(DocumentId.CreateNewId(project.Id), "models.yaml", SourceText.From(catalog), filePath: ModelRefTestSetup.CatalogPath);
        }

        if (catalogOnlyApp)
        {
            solution = solution.AddDocument(DocumentId.CreateNewId(project.Id), "CatalogOnlyApp.cs", SourceText.From(TestCatalogs.CatalogOnlyApp), filePath: "/0/CatalogOnlyApp.cs");
        }

        Document = solution.GetDocument(document.Id)!;
    }

    public Document Document { get; }

    public TextSpan Span { get; }

    /// <summary>The actions <paramref name="provider"/> offers at the caret or selection.</summary>
    public async Task<ImmutableArray<CodeAction>> RefactoringsAsync(CodeRefactoringProvider provider)
    {
        var actions = new List<CodeAction>();
        await provider.ComputeRefactoringsAsync(new CodeRefactoringContext(Document, Span, actions.Add, CancellationToken.None));
        return actions.ToImmutableArray();
    }

    /// <summary>Program.cs after applying <paramref name="action"/> (its only operation changes the solution).</summary>
    public async Task<string> ApplyAsync(CodeAction action)
    {
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var apply = Assert.IsType<ApplyChangesOperation>(Assert.Single(operations));
        var changed = apply.ChangedSolution.GetChanges(Document.Project.Solution).GetProjectChanges().SelectMany(p => p.GetChangedDocuments()).ToList();
        Assert.Equal(new[] { Document.Id }, changed); // edits Program.cs and nothing else
        return (await apply.ChangedSolution.GetDocument(Document.Id)!.GetTextAsync()).ToString();
    }

    public void Dispose() => _workspace.Dispose();

    /// <summary>The generator as an analyzer reference, as the project's package reference provides it in an editor.</summary>
    private sealed class GeneratorReference : AnalyzerReference
    {
        // The workspace maps each generator instance back to its reference: the same instances on every call.
        private readonly ImmutableArray<ISourceGenerator> _generators = ImmutableArray.Create(new ModelCatalogGenerator().AsSourceGenerator());

        public override string FullPath => typeof(ModelCatalogGenerator).Assembly.Location;

        public override object Id => typeof(ModelCatalogGenerator);

        public override string Display => nameof(ModelCatalogGenerator);

        public override ImmutableArray<DiagnosticAnalyzer> GetAnalyzers(string language) => ImmutableArray<DiagnosticAnalyzer>.Empty;

        public override ImmutableArray<DiagnosticAnalyzer> GetAnalyzersForAllLanguages() => ImmutableArray<DiagnosticAnalyzer>.Empty;

        public override ImmutableArray<ISourceGenerator> GetGenerators(string language) =>
            language == LanguageNames.CSharp ? _generators : ImmutableArray<ISourceGenerator>.Empty;
    }
}
