namespace ModelCatalog;

/// <summary>
/// Supplies the value of a <c>${NAME}</c> reference (API keys, base URLs, header values) at request time.
/// Implement it to read keys from a vault or <c>IConfiguration</c>; the default reads environment variables.
/// </summary>
public interface ISecretResolver
{
    /// <summary>The value of variable <paramref name="name"/>, or <c>null</c> (or empty) when it is not set.</summary>
    string? Resolve(string name);
}
