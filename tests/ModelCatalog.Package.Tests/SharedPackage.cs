using Xunit;

namespace ModelCatalog.Package.Tests;

/// <summary>The test classes that share one packed package (packing takes minutes of CPU: once per run).</summary>
[CollectionDefinition(Name)]
public sealed class SharedPackage : ICollectionFixture<PackageFixture>
{
    public const string Name = "packed ModelCatalog";
}
