namespace ModelCatalog.Generator.Model;

/// <summary>An alias, its generated member name and the canonical ref it stands for.</summary>
internal sealed record AliasSpec(string Alias, string MemberName, string Ref);
