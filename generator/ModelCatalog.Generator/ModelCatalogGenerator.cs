using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using ModelCatalog.Generator.Emitting;
using ModelCatalog.Generator.Model;
using ModelCatalog.Generator.Upstream;

namespace ModelCatalog.Generator;

/// <summary>
/// Compiles models.yaml (merged with the built-in catalog) into ModelIds, ModelCosts, ModelProviders and
/// GeneratedModelCatalog. Pipeline values are equatable records only; a C# edit touches no catalog step. The catalog
/// diagnostics are reported by the analyzers (live while the YAML is edited), not here.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ModelCatalogGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var options = context.AnalyzerConfigOptionsProvider
            .Combine(context.ParseOptionsProvider)
            .Select(static (pair, _) => GeneratorOptionsReader.Read(pair.Left.GlobalOptions, pair.Right))
            .WithTrackingName(TrackingNames.ReadOptions);

        var configuredPath = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => CatalogFileSelector.ConfiguredPath(provider.GlobalOptions))
            .WithTrackingName(TrackingNames.SelectCatalogFile);

        // Whether a referenced project or package carries a catalog: a project with no catalog file of its own then
        // generates nothing and uses the upstream types (README.md, "Test projects and split libraries"); a project whose own
        // catalog assembly is referenced (compile mode assembly, README.md "Compile mode") neither parses nor generates.
        // An equatable enum, so C# edits stop here.
        var upstream = context.CompilationProvider
            .Select(static (compilation, cancellationToken) => UpstreamCatalog.Find(compilation, cancellationToken) switch
            {
                null => UpstreamKind.None,
                { IsCompiledForThisProject: true } => UpstreamKind.CompiledForThisProject,
                _ => UpstreamKind.Upstream,
            })
            .WithTrackingName(TrackingNames.FindUpstreamCatalog);

        var compiled = context.AdditionalTextsProvider
            .Combine(configuredPath)
            .Where(static pair => CatalogFileSelector.IsCatalog(pair.Left.Path, pair.Right))
            .Combine(upstream)
            .Select(static (pair, cancellationToken) => new CatalogFileResult(pair.Left.Left.Path,
                pair.Right == UpstreamKind.CompiledForThisProject ? null : Compile(pair.Left.Left, pair.Left.Right, cancellationToken)))
            .WithTrackingName(TrackingNames.ReadCatalog);

        var chosen = compiled.Collect()
            .Select(static (files, _) => Choose(files))
            .WithTrackingName(TrackingNames.BuildSpec);

        context.RegisterSourceOutput(chosen.Combine(upstream).Combine(options), static (output, values) =>
        {
            var file = values.Left.Left;
            if (values.Left.Right == UpstreamKind.CompiledForThisProject || (file is null && values.Left.Right == UpstreamKind.Upstream))
            {
                return;
            }

            var spec = file?.Spec ?? CatalogCompiler.BuiltInCatalogOnly.Spec;
            foreach (var source in SourceEmitter.Emit(spec, values.Right))
            {
                output.AddSource(source.HintName, SourceText.From(source.Text, Encoding.UTF8));
            }

            if (file is not null)
            {
                var manifest = ManifestEmitter.Emit(spec, values.Right);
                output.AddSource(manifest.HintName, SourceText.From(manifest.Text, Encoding.UTF8));
            }
        });
    }

    private static CatalogSpec Compile(AdditionalText file, string? configuredPath, System.Threading.CancellationToken cancellationToken) =>
        file.GetText(cancellationToken) is { } text
            ? CompiledCatalogCache.Get(text, CatalogFileSelector.DisplayName(file.Path, configuredPath), cancellationToken).Spec
            : CatalogCompiler.BuiltInCatalogOnly.Spec;

    /// <summary>The project's catalog file (the ordinally first path when several match), or <c>null</c> when it has none.</summary>
    private static CatalogFileResult? Choose(ImmutableArray<CatalogFileResult> files)
    {
        if (files.IsDefaultOrEmpty)
        {
            return null;
        }

        var chosen = files[0];
        foreach (var file in files)
        {
            if (CatalogFileSelector.Precedes(file.Path, chosen.Path))
            {
                chosen = file;
            }
        }

        return chosen;
    }

    /// <summary>One candidate catalog file and its spec (equatable: path + positions-free spec); no spec when its catalog assembly holds the types.</summary>
    private sealed record CatalogFileResult(string Path, CatalogSpec? Spec);
}
