using ModelCatalog.Generator.Helpers;

namespace ModelCatalog.Generator.Model;

/// <summary>A merged, validated model, with the generated member name it gets.</summary>
/// <param name="Api">The model's own <c>api</c> override; <c>null</c> = the provider's.</param>
/// <param name="Input">ModelInput flags: 1 = text, 2 = image.</param>
/// <param name="Cost"><c>null</c> when the price is unknown.</param>
internal sealed record ModelSpec(
    string Id,
    string MemberName,
    string Name,
    string? Api,
    bool Reasoning,
    int Input,
    CostSpec? Cost,
    int ContextWindow,
    int MaxTokens,
    EquatableArray<HeaderSpec> Headers);
