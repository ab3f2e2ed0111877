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
}

/// <summary>The result of <see cref="ModelRefLookup.Classify"/>.</summary>
internal readonly struct ModelRefVerdict
{
    public ModelRefVerdict(ModelRefKind kind, string value, CatalogModel? model = null, CatalogProvider? provider = null,
        AliasSpec? alias = null, string? providerPart = null, string? modelPart = null)
    {
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
}
