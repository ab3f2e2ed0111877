using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ModelCatalog.Generator;
using ModelCatalog.Generator.Diagnostics;

namespace ModelCatalog.Analyzers;

/// <summary>
/// Reports the catalog diagnostics MC0001–MC0011 on models.yaml itself, from an additional-file action so they are
/// live in the IDE while the YAML is edited. The generator reports none of them, so each appears exactly once.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CatalogFileAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = DiagnosticDescriptors.CatalogDescriptors.ToImmutableArray();

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
                return;
            }

            var catalogPath = catalogFile.Path;
            start.RegisterAdditionalFileAction(fileContext =>
            {
                if (fileContext.AdditionalFile.Path != catalogPath || fileContext.AdditionalFile.GetText(fileContext.CancellationToken) is not { } text)
                {
                    return;
                }

                foreach (var diagnostic in CatalogFileDiagnostics.Create(catalogPath, text, fileContext.CancellationToken))
                {
                    fileContext.ReportDiagnostic(diagnostic);
                }
            });
        });
    }
}
