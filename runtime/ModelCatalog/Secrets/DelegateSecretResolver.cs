using System;

namespace ModelCatalog;

/// <summary>
/// Adapts a function to <see cref="ISecretResolver"/>, e.g. <c>new DelegateSecretResolver(name =&gt; configuration[name])</c>
/// or a dictionary lookup in tests.
/// </summary>
public sealed class DelegateSecretResolver : ISecretResolver
{
    private readonly Func<string, string?> _resolve;

    /// <summary>Wraps <paramref name="resolve"/>, which returns <c>null</c> for an unset variable.</summary>
    public DelegateSecretResolver(Func<string, string?> resolve) =>
        _resolve = resolve ?? throw new ArgumentNullException(nameof(resolve));

    /// <inheritdoc/>
    public string? Resolve(string name) => _resolve(name);

    /// <summary>Names the resolver; never lists values.</summary>
    public override string ToString() => "delegate secret resolver";
}
