using ModelCatalog.Generator.Helpers;

namespace ModelCatalog.Generator.Model;

/// <summary>The result of one catalog pass: what to generate, and what to report (positions into the user's file).</summary>
internal sealed record CompiledCatalog(CatalogSpec Spec, EquatableArray<CatalogDiagnostic> Diagnostics)
{
    /// <summary>
    /// Ids of providers that have a block but were left out of <see cref="Spec"/> because of their own errors (MC0003,
    /// MC0004). The C# analyzers must not call them "no provider block" (MC1002): the block is there, and its error is
    /// already reported in models.yaml.
    /// </summary>
    public EquatableArray<string> UnusableProviders { get; init; } = EquatableArray<string>.Empty;

    /// <summary>
    /// Ids of the providers the user's models.yaml uses: a provider block, or the provider part of its primary, a
    /// fallback or an allowlist key (see <see cref="Validation.CatalogUse"/>). Empty without a file or after MC0001.
    /// </summary>
    public EquatableArray<string> UsedProviders { get; init; } = EquatableArray<string>.Empty;
}
