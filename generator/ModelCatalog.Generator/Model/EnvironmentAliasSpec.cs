namespace ModelCatalog.Generator.Model;

/// <summary>An <c>env:</c> entry whose value holds <c>${OTHER}</c> references: <c>${Name}</c> resolves through <paramref name="Reference"/> when Name is not set.</summary>
internal sealed record EnvironmentAliasSpec(string Name, string Reference);
