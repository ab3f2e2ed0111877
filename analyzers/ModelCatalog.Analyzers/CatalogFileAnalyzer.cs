using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ModelCatalog.Analyzers.Diagnostics;
using ModelCatalog.Generator;
using ModelCatalog.Generator.Upstream;

namespace ModelCatalog.Analyzers;

/// <summary>
/// Reports the catalog diagnostics (MC00xx) on the catalog file itself, from an additional-file action so they are
/// live in the IDE while the file is edited, and MC0014 (once per compilation, no location) when <c>ModelCatalogFile</c>
/// names a file the project does not have. The generator reports none of them, so each appears exactly once. A project
/// whose catalog assembly is referenced (compile mode assembly) gets them from that assembly's compilation instead.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CatalogFileAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        DiagnosticDescriptors.CatalogDescriptors.Append(DiagnosticDescriptors.CatalogFileNotFound).ToImmutableArray();

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var configured = CatalogFileSelector.ConfiguredPath(start.Options.AnalyzerConfigOptionsProvider.GlobalOptions);
            var catalogFile = CatalogFileSelector.Select(start.Options.AdditionalFiles, configured);
            if (catalogFile is null)
            {
                if (configured is not null)
                {
                    // The build passes the property as written; the analyzer sees the project's AdditionalFiles only, so a
                    // missing file and one left out of AdditionalFiles (ModelCatalogAutoInclude false) look the same.
                    start.RegisterCompilationEndAction(end => end.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.CatalogFileNotFound, Location.None,
                        "ModelCatalogFile names '" + configured + "', which does not exist in the project (or, with ModelCatalogAutoInclude false, is not an " +
                        "AdditionalFiles item); only the built-in catalog is generated: fix the path relative to the project folder, or create the file")));
                }

                return;
            }

            if (UpstreamCatalog.Find(start.Compilation, start.CancellationToken) is { IsCompiledForThisProject: true })
            {
                // Compile mode assembly (README.md, "Compile mode"): the compilation of the catalog assembly, which runs
                // whenever the catalog changes, reported these at the same positions; a C# edit does not parse it again.
                return;
            }

            var catalogPath = catalogFile.Path;
            var displayName = CatalogFileSelector.DisplayName(catalogPath, configured);
            start.RegisterAdditionalFileAction(fileContext =>
            {
                if (fileContext.AdditionalFile.Path != catalogPath || fileContext.AdditionalFile.GetText(fileContext.CancellationToken) is not { } text)
                {
                    return;
                }

                foreach (var diagnostic in CatalogFileDiagnostics.Create(catalogPath, displayName, text, fileContext.CancellationToken))
                {
                    fileContext.ReportDiagnostic(diagnostic);
                }
            });
        });
    }
}
