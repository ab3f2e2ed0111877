using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ModelCatalog.Generator;
using ModelCatalog.Generator.Model;
using ModelCatalog.Generator.Upstream;

namespace ModelCatalog.Analyzers;

/// <summary>
/// Everything one compilation needs to check refs, resolved once at compilation start: the catalog lookup, the
/// providers the catalog uses, the generated namespace, the catalog path, the ref-position symbols and the
/// <c>ModelCatalogCheckChatOptions</c> mode, and the client facts a <c>ChatOptions.ModelId</c> value's evidence comes
/// from (README.md, "Model refs in C#"). Every diagnostic is reported from the operation action of its value, so it is local to its document
/// and its code fix is offered. Thread-safe: the concurrent operation actions share it.
/// </summary>
internal sealed class ModelRefChecker
{
    private readonly Lazy<ModelRefLookup> _lazyLookup;
    private readonly Lazy<CatalogProviderUse> _lazyUse;
    private readonly ModelRefPositions _positions;
    private readonly string? _namespace;
    private readonly string? _catalogPath;
    private readonly string _catalogName;
    private readonly bool _isUpstream;
    private readonly ChatOptionsCheckMode _mode;

    private ModelRefChecker(Lazy<CompiledCatalog> catalog, ModelRefPositions positions, string? generatedNamespace, string? catalogPath,
        string catalogName, bool isUpstream, ChatOptionsCheckMode mode, ChatClientFacts? facts)
    {
        _lazyLookup = new Lazy<ModelRefLookup>(() => ModelRefLookup.For(catalog.Value));
        _lazyUse = new Lazy<CatalogProviderUse>(() => CatalogProviderUse.For(catalog.Value));
        _positions = positions;
        _namespace = generatedNamespace;
        _catalogPath = catalogPath;
        _catalogName = catalogName;
        _isUpstream = isUpstream;
        _mode = mode;
        Facts = facts;
    }

    /// <summary>The compilation's client facts; <c>null</c> without Microsoft.Extensions.AI.</summary>
    private ChatClientFacts? Facts { get; }

    // The catalog is compiled on the first value that could be a ref, not at compilation start: a compilation without
    // one (most C# edits) never reads the catalog (README.md, "Performance").
    private ModelRefLookup Lookup => _lazyLookup.Value;

    private CatalogProviderUse Use => _lazyUse.Value;

    /// <summary>Reads the catalog (shared parse cache; the built-in catalog alone when the project has no models.yaml).</summary>
    public static ModelRefChecker Create(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
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
        return new ModelRefChecker(catalog, new ModelRefPositions(compilation), generatedNamespace,
            file?.Path, catalogName, upstream is not null, ChatOptionsCheckModeReader.Read(globalOptions), ChatClientFacts.Create(compilation));
    }

    /// <summary>An argument, assignment or initializer: checks the constant values it writes into a model-ref position.</summary>
    public void AnalyzePosition(OperationAnalysisContext context)
    {
        try
        {
            var kind = _positions.Classify(context.Operation, out var value);
            if (kind == RefPositionKind.None || value is null)
            {
                return;
            }

            var leaves = new List<(IOperation Operation, string Value)>(1);
            ModelRefPositions.CollectConstantLeaves(value, leaves);
            if (kind == RefPositionKind.ChatOptionsModelId)
            {
                CheckChatOptionsValue(context, leaves);
                return;
            }

            foreach (var (operation, text) in leaves)
            {
                if (Check(operation, text, kind) is { } diagnostic)
                {
                    context.ReportDiagnostic(diagnostic);
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // An analyzer exception becomes AD0001 and hides every other diagnostic of the file: skip this node instead.
        }
    }

    /// <summary>Any string literal anywhere: MC1001 when it equals a catalog ref ignoring case but not exactly (README.md, MC1001).</summary>
    public void AnalyzeLiteral(OperationAnalysisContext context)
    {
        try
        {
            // Only for providers the project's catalog uses, and never a value handed to another API: OpenRouter's
            // "minimax/minimax-m2.1" in GetChatClient("…") is its correct id, not a miscased catalog ref.
            if (context.Operation.ConstantValue.Value is string text && text.IndexOf('/') > 0 && Lookup.IsCaseVariantOfRef(text) &&
                Lookup.Classify(text) is { Model: { } model } && Use.IsUsed(model.ProviderId) &&
                !_positions.IsInRefPosition(context.Operation) && !ModelRefPositions.IsArgumentOfOtherApi(context.Operation))
            {
                context.ReportDiagnostic(ModelRefDiagnostics.CaseMismatch(context.Operation.Syntax.GetLocation(), text, model, _namespace));
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // See AnalyzePosition.
        }
    }

    /// <summary>
    /// The values of one <c>ChatOptions.ModelId</c> write (README.md, "Model refs in C#"): every value with <c>always</c>, none with
    /// <c>never</c>, else each by its evidence. The evidence is looked for only for a value that would get a diagnostic,
    /// once per write.
    /// </summary>
    private void CheckChatOptionsValue(OperationAnalysisContext context, List<(IOperation Operation, string Value)> leaves)
    {
        if (_mode == ChatOptionsCheckMode.Never)
        {
            return;
        }

        ChatOptionsSite? site = null;
        foreach (var (operation, text) in leaves)
        {
            if (Check(operation, text, RefPositionKind.ChatOptionsModelId) is not { } diagnostic)
            {
                continue;
            }

            if (_mode == ChatOptionsCheckMode.Always)
            {
                context.ReportDiagnostic(diagnostic);
                continue;
            }

            bool providerUsed = ModelRefParts.TrySplit(text, out var providerPart, out _) && Use.IsUsedOrNear(providerPart);
            var evidence = EvidenceLevel.None;
            if (Facts is null)
            {
                evidence = providerUsed ? EvidenceLevel.Strong : EvidenceLevel.None;
            }
            else
            {
                site ??= ChatOptionsSite.Locate(context.Operation, Facts);
                evidence = site.Value.Judge(Facts, context.Operation, providerUsed);
            }

            if (evidence != EvidenceLevel.None)
            {
                context.ReportDiagnostic(evidence == EvidenceLevel.Weak ? AtMostWarning(diagnostic) : diagnostic);
            }
        }
    }

    /// <summary>Weak evidence never breaks the build: an error (MC1002) is reported as a warning, same id, message and fix data.</summary>
    private static Diagnostic AtMostWarning(Diagnostic diagnostic)
    {
        if (diagnostic.Severity != DiagnosticSeverity.Error)
        {
            return diagnostic;
        }

        var descriptor = diagnostic.Descriptor;
        return Diagnostic.Create(descriptor.Id, descriptor.Category, diagnostic.GetMessage(CultureInfo.InvariantCulture), DiagnosticSeverity.Warning,
            descriptor.DefaultSeverity, descriptor.IsEnabledByDefault, warningLevel: 1, descriptor.Title, descriptor.Description, descriptor.HelpLinkUri,
            diagnostic.Location, diagnostic.AdditionalLocations, descriptor.CustomTags, diagnostic.Properties);
    }

    private Diagnostic? Check(IOperation operation, string value, RefPositionKind kind)
    {
        if (value.Length == 0)
        {
            return null; // "" is the usual "not set" placeholder, never a ref anyone meant
        }

        var verdict = Lookup.Classify(value);
        var location = operation.Syntax.GetLocation();
        switch (verdict.Kind)
        {
            case ModelRefKind.Valid:
                return operation is ILiteralOperation ? ModelRefDiagnostics.UseConstant(location, value, verdict.Model!, _namespace) : null;
            case ModelRefKind.CaseMismatch:
                return ModelRefDiagnostics.CaseMismatch(location, value, verdict.Model!, _namespace);
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
