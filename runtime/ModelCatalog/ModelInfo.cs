using System.Collections.Generic;

namespace ModelCatalog;

/// <summary>One model of the catalog: <c>models.providers.&lt;provider&gt;.models[]</c> after merging and defaults.</summary>
public sealed class ModelInfo
{
    internal ModelInfo(
        string provider, string id, string name, ModelApi api, string apiName, bool reasoning, ModelInput input,
        ModelCost cost, int contextWindow, int maxTokens, IReadOnlyDictionary<string, string> headers, bool isSynthetic)
    {
        Provider = provider;
        Id = id;
        Ref = provider + "/" + id;
        Name = name;
        Api = api;
        ApiName = apiName;
        Reasoning = reasoning;
        Input = input;
        Cost = cost;
        ContextWindow = contextWindow;
        MaxTokens = maxTokens;
        Headers = headers;
        IsSynthetic = isSynthetic;
    }

    /// <summary>The canonical ref, <c>provider/model-id</c>, with the provider spelled as the catalog spells it.</summary>
    public string Ref { get; }

    /// <summary>The provider id, as the catalog spells it.</summary>
    public string Provider { get; }

    /// <summary>The model id (case-sensitive) that is sent to the provider.</summary>
    public string Id { get; }

    /// <summary>The display name (defaults to <see cref="Id"/>).</summary>
    public string Name { get; }

    /// <summary>The wire protocol (the model's own <c>api</c>, else its provider's).</summary>
    public ModelApi Api { get; }

    /// <summary>The <c>api</c> value as written in the catalog (useful when <see cref="Api"/> is <see cref="ModelApi.Other"/>).</summary>
    public string ApiName { get; }

    /// <summary>Whether the model produces reasoning (thinking) output.</summary>
    public bool Reasoning { get; }

    /// <summary>The input kinds the model accepts.</summary>
    public ModelInput Input { get; }

    /// <summary>Prices in USD per 1M tokens; <see cref="ModelCost.Unknown"/> when the catalog has none.</summary>
    public ModelCost Cost { get; }

    /// <summary>Context window in tokens.</summary>
    public int ContextWindow { get; }

    /// <summary>Maximum output tokens (never more than <see cref="ContextWindow"/>).</summary>
    public int MaxTokens { get; }

    /// <summary>Per-model header overrides (values may hold <c>${VAR}</c> references).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>
    /// <c>true</c> for a model the catalog does not list but whose provider is configured: it is used with
    /// default limits and an unknown price, as OpenClaw does.
    /// </summary>
    public bool IsSynthetic { get; }

    /// <summary>The canonical ref.</summary>
    public override string ToString() => Ref;
}
