namespace ModelCatalog.Generator;

/// <summary>Names of the generator's tracked steps (tests assert their run reasons).</summary>
internal static class TrackingNames
{
    public const string ReadOptions = nameof(ReadOptions);
    public const string SelectCatalogFile = nameof(SelectCatalogFile);
    public const string ReadCatalog = nameof(ReadCatalog);
    public const string BuildSpec = nameof(BuildSpec);
    public const string FindUpstreamCatalog = nameof(FindUpstreamCatalog);
}
