using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ModelCatalog.Analyzers.Diagnostics;

namespace ModelCatalog.Analyzers;

/// <summary>
/// Checks model refs in C# against models.yaml while the code is typed: MC1001 (model id in the wrong case), MC1002
/// (provider without a provider block), MC1003 (model or alias the provider does not have) and MC1004 (a literal that
/// has a generated <c>ModelIds</c> constant). Refs are values written to <c>[ModelCatalog.ModelRef]</c> parameters,
/// properties and fields, and to <c>ChatOptions.ModelId</c> on evidence that the options target the catalog; for MC1001
/// also any string literal of a provider the catalog uses, unless it is an argument to another API (README.md, Model refs in C#).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ModelRefAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.ModelRefCaseMismatch,
        DiagnosticDescriptors.ModelRefUnknownProvider,
        DiagnosticDescriptors.ModelRefUnknownModel,
        DiagnosticDescriptors.UseModelIdsConstant);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            ModelRefChecker checker;
            try
            {
                checker = ModelRefChecker.Create(start.Compilation, start.Options, start.CancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return; // never AD0001: without a catalog there is nothing to check
            }

            start.RegisterOperationAction(checker.AnalyzePosition,
                OperationKind.Argument, OperationKind.SimpleAssignment, OperationKind.CoalesceAssignment,
                OperationKind.PropertyInitializer, OperationKind.FieldInitializer, OperationKind.ParameterInitializer);
            start.RegisterOperationAction(checker.AnalyzeLiteral, OperationKind.Literal);
        });
    }
}
