namespace ModelCatalog.Generator.Model;

/// <summary>A request header; the value may hold <c>${VAR}</c> references.</summary>
internal sealed record HeaderSpec(string Name, string Value);
