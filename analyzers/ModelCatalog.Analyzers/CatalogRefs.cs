using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using ModelCatalog.Generator;
using ModelCatalog.Generator.Model;
using ModelCatalog.Generator.Upstream;

namespace ModelCatalog.Analyzers;

/// <summary>
/// The catalog one compilation checks refs against, compiled once per compilation, on first use (the project's catalog file,
/// else a referenced project's, else the built-in catalog), and the one mapping from a <see cref="ModelRefVerdict"/> to
/// MC1001–MC1004. Shared by the C# checks (<see cref="ModelRefChecker"/>) and the configuration-file checks
/// (<see cref="ConfigurationRefAnalyzer"/>), so a ref gets the same diagnostic and message wherever it is written.
/// Read-only after creation: concurrent analyzer actions share it.
/// </summary>
internal sealed class CatalogRefs
{
    private readonly Lazy<ModelRefLookup> _lookup;
    private readonly Lazy<CatalogProviderUse> _use;
    private readonly string? _catalogPath;
    private readonly string _catalogName;
    private readonly bool _isUpstream;

    private CatalogRefs(Lazy<CompiledCatalog> catalog, string? generatedNamespace, string? catalogPath, string catalogName, bool isUpstream)
    {
        // The catalog is compiled on the first value that could be a ref, not at compilation start: a compilation
        // without one (most C# edits) never reads it (README.md, "Performance").
        _lookup = new Lazy<ModelRefLookup>(() => ModelRefLookup.For(catalog.Value));
        _use = new Lazy<CatalogProviderUse>(() => CatalogProviderUse.For(catalog.Value));
        Namespace = generatedNamespace;
        _catalogPath = catalogPath;
        _catalogName = catalogName;
        _isUpstream = isUpstream;
    }

    public ModelRefLookup Lookup => _lookup.Value;

    /// <summary>The providers the project's catalog uses (the evidence for <c>ChatOptions.ModelId</c> values and <c>…ModelId</c> configuration keys).</summary>
    public CatalogProviderUse Use => _use.Value;

    /// <summary>The namespace of the generated code (<c>null</c>: global).</summary>
    public string? Namespace { get; }

    /// <summary>Reads the catalog (shared parse cache; the built-in catalog alone when the project has no models.yaml).</summary>
    public static CatalogRefs Create(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var globalOptions = options.AnalyzerConfigOptionsProvider.GlobalOptions;
        var configured = CatalogFileSelector.ConfiguredPath(globalOptions);
        var file = CatalogFileSelector.Select(options.AdditionalFiles, configured);
        var text = file?.GetText(cancellationToken);
        var catalogName = file is null ? configured ?? CatalogFileSelector.DefaultFileName : CatalogFileSelector.DisplayName(file.Path, configured);

        // No catalog file of its own: the catalog (and the generated types) of a referenced project, if any (README.md, "Test projects and split libraries").
        var upstream = text is null ? UpstreamCatalog.Find(compilation, cancellationToken) : null;
        var fileName = catalogName;
        var catalog = new Lazy<CompiledCatalog>(() => text is not null ? CompiledCatalogCache.Get(text, fileName, cancellationToken)
            : upstream is not null ? CompiledCatalogCache.Get(upstream.Text, fileName, cancellationToken)
            : CatalogCompiler.BuiltInCatalogOnly);
        if (upstream is not null)
        {
            // The catalog is the referenced project's: messages send the user there, and no fix creates a second,
            // different catalog in this project.
            catalogName = "the catalog of " + upstream.AssemblyName;
        }

        // The same namespace rule as the generator (ModelCatalogNamespace, else RootNamespace, else global), so the
        // constants the fixes write are the ones that get generated.
        var generatedNamespace = upstream is not null ? upstream.Namespace : GeneratorOptionsReader.Read(globalOptions, CSharpParseOptions.Default).Namespace;
        return new CatalogRefs(catalog, generatedNamespace, file?.Path, catalogName, upstream is not null);
    }

    /// <summary>
    /// The diagnostic for <paramref name="value"/> written at <paramref name="location"/>, or <c>null</c>.
    /// <paramref name="kind"/>: how strictly the position is checked; <paramref name="isLiteral"/>: a C# literal, which
    /// gets MC1004 when a generated constant names the same ref.
    /// </summary>
    public Diagnostic? Check(Location location, string value, RefPositionKind kind, bool isLiteral)
    {
        if (value.Length == 0)
        {
            return null; // "" is the usual "not set" placeholder, never a ref anyone meant
        }

        var verdict = Lookup.Classify(value);
        switch (verdict.Kind)
        {
            case ModelRefKind.Valid:
                return isLiteral ? ModelRefDiagnostics.UseConstant(location, value, verdict.Model!, Namespace) : null;
            case ModelRefKind.CaseMismatch:
                return ModelRefDiagnostics.CaseMismatch(location, value, verdict.Model!, Namespace);
            case ModelRefKind.UnknownModel:
                return ModelRefDiagnostics.UnknownModel(location, verdict.Provider!, verdict.ModelPart!, _catalogName);
            case ModelRefKind.UnknownProvider when !Lookup.HasSyntaxError && (kind == RefPositionKind.ModelRef || IsCatalogLikeProvider(verdict.ProviderPart!)):
                return ModelRefDiagnostics.UnknownProvider(location, value, verdict.ProviderPart!, verdict.ModelPart!, Lookup, _catalogPath, _catalogName, canAddBlock: !_isUpstream);
            case ModelRefKind.NotARef when kind == RefPositionKind.ModelRef:
                return ModelRefDiagnostics.NotARef(location, value, Lookup);
            default:
                // Aliases are fine; provider blocks with errors are reported in models.yaml; ChatOptions.ModelId values
                // that do not look like catalog refs belong to some other IChatClient.
                return null;
        }
    }

    /// <summary>
    /// The ChatOptions.ModelId gate for MC1002, whatever the evidence: a built-in or well-known provider id, a near miss
    /// of a catalog provider, or a provider the catalog uses or a near miss of one (a primary without a block). The
    /// well-known list supplies fix templates, not evidence.
    /// </summary>
    private bool IsCatalogLikeProvider(string providerPart) =>
        Lookup.KnowsProvider(providerPart) || WellKnownProviders.Contains(providerPart) || Lookup.IsNearProvider(providerPart) ||
        Use.IsUsedOrNear(providerPart);
}
