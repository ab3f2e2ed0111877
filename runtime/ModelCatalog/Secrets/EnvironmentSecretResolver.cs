using System;

namespace ModelCatalog;

/// <summary>Resolves <c>${NAME}</c> references from the process environment (the default resolver).</summary>
public sealed class EnvironmentSecretResolver : ISecretResolver
{
    /// <summary>The shared instance.</summary>
    public static EnvironmentSecretResolver Instance { get; } = new();

    private EnvironmentSecretResolver()
    {
    }

    /// <inheritdoc/>
    public string? Resolve(string name) => Environment.GetEnvironmentVariable(name);

    /// <summary>Names the resolver; never lists values.</summary>
    public override string ToString() => "environment variables";
}
