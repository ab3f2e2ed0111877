using ModelCatalog.Generator.Merging;
using ModelCatalog.Generator.Model;

namespace ModelCatalog.Generator.Validation;

/// <summary>What a ref in models.yaml is for.</summary>
internal enum RefRole
{
    /// <summary><c>agents.defaults.model.primary</c> (or an agent's primary).</summary>
    Primary,

    /// <summary>An entry of <c>fallbacks</c>.</summary>
    Fallback,

    /// <summary>A key of <c>agents.defaults.models</c> (the allowlist).</summary>
    Allowlisted,

    /// <summary>A key of <c>agents.defaults.models</c> that has an <c>alias</c>: the alias's target.</summary>
    AliasTarget,
}

/// <summary>
/// A ref of models.yaml that the ref validator resolved to a catalog model, with the range of the ref as written (for a
/// primary or fallback written as an alias: the alias's range, and the alias's target model). The input of checks on
/// the model a ref names, so they never parse refs themselves.
/// </summary>
internal sealed record ResolvedRef(RefRole Role, TextRange Range, MergedProvider Provider, MergedModel Model);
