using ModelCatalog.Generator.Helpers;

namespace ModelCatalog.Generator.Model;

/// <summary>A merged, validated provider, with the generated class name it gets.</summary>
/// <param name="ApiKey">A <c>${VAR}</c> reference or a loopback placeholder; never a literal secret.</param>
/// <param name="ApiKeyOmitted">A literal key was written and deliberately left out of the generated code.</param>
/// <param name="Keyless">An OpenClaw no-key marker (<c>ollama-local</c>, <c>custom-local</c>, …) was written: no key, and no implicit one.</param>
internal sealed record ProviderSpec(
    string Id,
    string ClassName,
    string BaseUrl,
    string Api,
    string? ApiKey,
    bool ApiKeyOmitted,
    bool AuthHeader,
    bool Keyless,
    EquatableArray<HeaderSpec> Headers,
    EquatableArray<ModelSpec> Models);
