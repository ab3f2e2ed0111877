using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ModelCatalog.Analyzers;

/// <summary>
/// Everything one compilation needs to check refs in C#, resolved once at compilation start: the catalog
/// (<see cref="CatalogRefs"/>: lookup, providers the catalog uses, generated namespace), the ref-position symbols and the
/// <c>ModelCatalogCheckChatOptions</c> mode, and the client facts a <c>ChatOptions.ModelId</c> value's evidence comes
/// from (README.md, "Model refs in C#"). Every diagnostic is reported from the operation action of its value, so it is local to its document
/// and its code fix is offered. Thread-safe: the concurrent operation actions share it.
/// </summary>
internal sealed class ModelRefChecker
{
    private readonly CatalogRefs _refs;
    private readonly ModelRefPositions _positions;
    private readonly ChatOptionsCheckMode _mode;

    private ModelRefChecker(CatalogRefs refs, ModelRefPositions positions, ChatOptionsCheckMode mode, ChatClientFacts? facts)
    {
        _refs = refs;
        _positions = positions;
        _mode = mode;
        Facts = facts;
    }

    /// <summary>The compilation's client facts; <c>null</c> without Microsoft.Extensions.AI.</summary>
    private ChatClientFacts? Facts { get; }

    /// <summary>Reads the catalog (<see cref="CatalogRefs.Create"/>) and resolves the ref positions and client facts.</summary>
    public static ModelRefChecker Create(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken) =>
        new(CatalogRefs.Create(compilation, options, cancellationToken), new ModelRefPositions(compilation),
            ChatOptionsCheckModeReader.Read(options.AnalyzerConfigOptionsProvider.GlobalOptions), ChatClientFacts.Create(compilation));

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
            if (context.Operation.ConstantValue.Value is string text && text.IndexOf('/') > 0 && _refs.Lookup.IsCaseVariantOfRef(text) &&
                _refs.Lookup.Classify(text) is { Model: { } model } && _refs.Use.IsUsed(model.ProviderId) &&
                !_positions.IsInRefPosition(context.Operation) && !ModelRefPositions.IsArgumentOfOtherApi(context.Operation))
            {
                context.ReportDiagnostic(ModelRefDiagnostics.CaseMismatch(context.Operation.Syntax.GetLocation(), text, model, _refs.Namespace));
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

            bool providerUsed = ModelRefParts.TrySplit(text, out var providerPart, out _) && _refs.Use.IsUsedOrNear(providerPart);
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

    private Diagnostic? Check(IOperation operation, string value, RefPositionKind kind) =>
        _refs.Check(operation.Syntax.GetLocation(), value, kind, operation is ILiteralOperation);
}
