using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ModelCatalog.Generator;

namespace ModelCatalog.Analyzers;

/// <summary>
/// Everything one compilation needs to check refs, resolved once at compilation start: the catalog lookup, the
/// generated namespace, the catalog path and the ref-position symbols. Holds no per-node state, so the concurrent
/// operation actions share it freely.
/// </summary>
internal sealed class ModelRefChecker
{
    private readonly ModelRefLookup _lookup;
    private readonly ModelRefPositions _positions;
    private readonly string? _namespace;
    private readonly string? _catalogPath;

    private ModelRefChecker(ModelRefLookup lookup, ModelRefPositions positions, string? generatedNamespace, string? catalogPath)
    {
        _lookup = lookup;
        _positions = positions;
        _namespace = generatedNamespace;
        _catalogPath = catalogPath;
    }

    /// <summary>Reads the catalog (shared parse cache; the built-in catalog alone when the project has no models.yaml).</summary>
    public static ModelRefChecker Create(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var globalOptions = options.AnalyzerConfigOptionsProvider.GlobalOptions;
        var file = CatalogFileSelector.Select(options.AdditionalFiles, CatalogFileSelector.ConfiguredPath(globalOptions));
        var text = file?.GetText(cancellationToken);
        var catalog = text is null ? CatalogCompiler.BuiltInCatalogOnly : CompiledCatalogCache.Get(text, cancellationToken);

        // The same namespace rule as the generator (ModelCatalogNamespace, else RootNamespace, else global), so the
        // constants the fixes write are the ones that get generated.
        var generatedNamespace = GeneratorOptionsReader.Read(globalOptions, CSharpParseOptions.Default).Namespace;
        return new ModelRefChecker(ModelRefLookup.For(catalog), new ModelRefPositions(compilation), generatedNamespace, file?.Path);
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
            if (context.Operation.ConstantValue.Value is string text && _lookup.IsCaseVariantOfRef(text) && !_positions.IsInRefPosition(context.Operation))
            {
                var verdict = _lookup.Classify(text);
                context.ReportDiagnostic(ModelRefDiagnostics.CaseMismatch(context.Operation.Syntax.GetLocation(), text, verdict.Model!, _namespace));
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // See AnalyzePosition.
        }
    }

    private Diagnostic? Check(IOperation operation, string value, RefPositionKind kind)
    {
        if (value.Length == 0)
        {
            return null; // "" is the usual "not set" placeholder, never a ref anyone meant
        }

        var verdict = _lookup.Classify(value);
        var location = operation.Syntax.GetLocation();
        switch (verdict.Kind)
        {
            case ModelRefKind.Valid:
                return operation is ILiteralOperation ? ModelRefDiagnostics.UseConstant(location, value, verdict.Model!, _namespace) : null;
            case ModelRefKind.CaseMismatch:
                return ModelRefDiagnostics.CaseMismatch(location, value, verdict.Model!, _namespace);
            case ModelRefKind.UnknownModel:
                return ModelRefDiagnostics.UnknownModel(location, verdict.Provider!, verdict.ModelPart!);
            case ModelRefKind.UnknownProvider when !_lookup.HasSyntaxError && (kind == RefPositionKind.ModelRef || IsCatalogLikeProvider(verdict.ProviderPart!)):
                return ModelRefDiagnostics.UnknownProvider(location, value, verdict.ProviderPart!, verdict.ModelPart!, _lookup, _catalogPath);
            case ModelRefKind.NotARef when kind == RefPositionKind.ModelRef:
                return ModelRefDiagnostics.NotARef(location, value, _lookup);
            default:
                // Aliases are fine; provider blocks with errors are reported in models.yaml; ChatOptions.ModelId values
                // that do not look like catalog refs belong to some other IChatClient.
                return null;
        }
    }

    /// <summary>The ChatOptions.ModelId gate: a built-in or well-known provider id, or a near miss of a catalog provider.</summary>
    private bool IsCatalogLikeProvider(string providerPart) =>
        _lookup.KnowsProvider(providerPart) || WellKnownProviders.Contains(providerPart) || _lookup.IsNearProvider(providerPart);
}
