using ModelCatalog.Generator.Helpers;

namespace ModelCatalog.Generator.Model;

/// <summary>
/// Everything the emitters need, with no positions: a comment or whitespace edit in models.yaml yields an equal
/// spec, so no source is re-emitted.
/// </summary>
/// <param name="Primary">Canonical ref of the primary model; <c>null</c> when none is set (or it did not validate).</param>
internal sealed record CatalogSpec(
    EquatableArray<ProviderSpec> Providers,
    EquatableArray<AliasSpec> Aliases,
    string? Primary,
    EquatableArray<string> Fallbacks,
    EquatableArray<string> Allowlist)
{
    /// <summary>
    /// The <c>env:</c> entries whose value is a <c>${OTHER}</c> reference (name → value as written), in file order: the
    /// runtime resolves <c>${NAME}</c> through them when NAME is not set. Literal env values never get here (MC0006).
    /// </summary>
    public EquatableArray<EnvironmentAliasSpec> EnvironmentAliases { get; init; } = EquatableArray<EnvironmentAliasSpec>.Empty;
    /// <summary>Built-in providers that <c>models.mode: replace</c> left out, so run-time messages can say so.</summary>
    public EquatableArray<string> ExcludedBuiltIns { get; init; } = EquatableArray<string>.Empty;
}
