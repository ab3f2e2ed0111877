using ModelCatalog.Generator.Model;

namespace ModelCatalog.Analyzers;

/// <summary>What a value in a model-ref position is.</summary>
internal enum ModelRefKind
{
    /// <summary>A catalog ref (provider part in any case, model id exact).</summary>
    Valid,

    /// <summary>A slash-free value that is an alias.</summary>
    Alias,

    /// <summary>Slash-free and not an alias, or not shaped like <c>provider/model-id</c> at all.</summary>
    NotARef,

    /// <summary>The model id differs only in case from a catalog model (MC1001).</summary>
    CaseMismatch,

    /// <summary>No provider block and not built in (MC1002).</summary>
    UnknownProvider,

    /// <summary>The provider exists but has no such model (MC1003).</summary>
    UnknownModel,

    /// <summary>The provider block has errors of its own (MC0003/MC0004): already reported in models.yaml.</summary>
    ProviderInError,

    /// <summary>Holds a <c>${VAR}</c> reference: resolved at run time by the client, not checked here.</summary>
    ResolvedAtRunTime,
}

/// <summary>The result of <see cref="ModelRefLookup.Classify"/>: the shared <see cref="RefVerdict"/> with the analyzers' catalog objects.</summary>
internal readonly struct ModelRefVerdict
{
    public ModelRefVerdict(ModelRefKind kind, string value, CatalogModel? model = null, CatalogProvider? provider = null,
        AliasSpec? alias = null, string? providerPart = null, string? modelPart = null, RefVerdict? shared = null)
    {
        Shared = shared;
        Kind = kind;
        Value = value;
        Model = model;
        Provider = provider;
        Alias = alias;
        ProviderPart = providerPart;
        ModelPart = modelPart;
    }

    public ModelRefKind Kind { get; }

    public string Value { get; }

    /// <summary>The catalog model (<see cref="ModelRefKind.Valid"/>, or the correctly cased one for <see cref="ModelRefKind.CaseMismatch"/>).</summary>
    public CatalogModel? Model { get; }

    public CatalogProvider? Provider { get; }

    public AliasSpec? Alias { get; }

    public string? ProviderPart { get; }

    public string? ModelPart { get; }

    /// <summary>The shared verdict (null only for the one-lookup fast path of a valid ref).</summary>
    public RefVerdict? Shared { get; }
}
