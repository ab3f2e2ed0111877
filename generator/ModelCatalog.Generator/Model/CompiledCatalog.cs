using ModelCatalog.Generator.Helpers;

namespace ModelCatalog.Generator.Model;

/// <summary>The result of one catalog pass: what to generate, and what to report (positions into the user's file).</summary>
internal sealed record CompiledCatalog(CatalogSpec Spec, EquatableArray<CatalogDiagnostic> Diagnostics);
