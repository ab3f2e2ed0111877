using System;
using System.Collections.Generic;

namespace ModelCatalog.Analyzers;

/// <summary>
/// Provider ids that developers use with other <c>IChatClient</c>s too, with the block the MC1002 fix writes for them.
/// A <c>ChatOptions.ModelId</c> whose provider part is one of these is checked even when models.yaml does not
/// configure it (README.md, Model refs in C#), because the ref is then almost certainly meant for the catalog. Values follow
/// tests/data/catalogs/models-dev.yaml; every key is a <c>${VAR}</c> reference except for loopback servers.
/// </summary>
internal static class WellKnownProviders
{
    private static readonly Dictionary<string, ProviderTemplate> Templates = Create(
        new ProviderTemplate("lmstudio", "http://127.0.0.1:1234/v1", ApiNames.OpenAICompletions, "lmstudio"),
        new ProviderTemplate("ollama", "http://127.0.0.1:11434/v1", ApiNames.OpenAICompletions, "ollama"),
        new ProviderTemplate("vllm", "http://127.0.0.1:8000/v1", ApiNames.OpenAICompletions, "vllm"),
        new ProviderTemplate("openrouter", "https://openrouter.ai/api/v1", ApiNames.OpenAICompletions, "${OPENROUTER_API_KEY}"),
        new ProviderTemplate("google", "https://generativelanguage.googleapis.com/v1beta/openai", ApiNames.OpenAICompletions, "${GEMINI_API_KEY}"),
        new ProviderTemplate("mistral", "https://api.mistral.ai/v1", ApiNames.OpenAICompletions, "${MISTRAL_API_KEY}"),
        new ProviderTemplate("groq", "https://api.groq.com/openai/v1", ApiNames.OpenAICompletions, "${GROQ_API_KEY}"),
        new ProviderTemplate("xai", "https://api.x.ai/v1", ApiNames.OpenAICompletions, "${XAI_API_KEY}"),
        new ProviderTemplate("deepseek", "https://api.deepseek.com", ApiNames.OpenAICompletions, "${DEEPSEEK_API_KEY}"),
        new ProviderTemplate("together", "https://api.together.xyz/v1", ApiNames.OpenAICompletions, "${TOGETHER_API_KEY}"),
        new ProviderTemplate("fireworks", "https://api.fireworks.ai/inference/v1", ApiNames.OpenAICompletions, "${FIREWORKS_API_KEY}"),
        new ProviderTemplate("cerebras", "https://api.cerebras.ai/v1", ApiNames.OpenAICompletions, "${CEREBRAS_API_KEY}"),
        new ProviderTemplate("moonshot", "https://api.moonshot.ai/v1", ApiNames.OpenAICompletions, "${MOONSHOT_API_KEY}"),
        new ProviderTemplate("zai", "https://api.z.ai/api/paas/v4", ApiNames.OpenAICompletions, "${ZAI_API_KEY}"),
        new ProviderTemplate("perplexity", "https://api.perplexity.ai", ApiNames.OpenAICompletions, "${PERPLEXITY_API_KEY}"),
        new ProviderTemplate("nvidia", "https://integrate.api.nvidia.com/v1", ApiNames.OpenAICompletions, "${NVIDIA_API_KEY}"),
        new ProviderTemplate("huggingface", "https://router.huggingface.co/v1", ApiNames.OpenAICompletions, "${HF_TOKEN}"),
        new ProviderTemplate("deepinfra", "https://api.deepinfra.com/v1/openai", ApiNames.OpenAICompletions, "${DEEPINFRA_API_KEY}"),
        new ProviderTemplate("github-copilot", "https://api.githubcopilot.com", ApiNames.OpenAICompletions, "${GITHUB_TOKEN}"),
        new ProviderTemplate("qwen", "https://dashscope-intl.aliyuncs.com/compatible-mode/v1", ApiNames.OpenAICompletions, "${DASHSCOPE_API_KEY}"),
        new ProviderTemplate("kimi", "https://api.kimi.com/coding", ApiNames.AnthropicMessages, "${KIMI_API_KEY}"),
        new ProviderTemplate("venice", "https://api.venice.ai/api/v1", ApiNames.OpenAICompletions, "${VENICE_API_KEY}"));

    /// <summary>The well-known ids, for the did-you-mean of an unknown provider.</summary>
    public static IEnumerable<string> Ids => Templates.Keys;

    /// <summary>True when <paramref name="providerId"/> (any case) is a well-known provider id.</summary>
    public static bool Contains(string providerId) => Templates.ContainsKey(providerId);

    /// <summary>The block template of a well-known provider; <c>null</c> for any other id.</summary>
    public static ProviderTemplate? Find(string providerId) => Templates.TryGetValue(providerId, out var template) ? template : null;

    private static Dictionary<string, ProviderTemplate> Create(params ProviderTemplate[] templates)
    {
        var map = new Dictionary<string, ProviderTemplate>(templates.Length, StringComparer.OrdinalIgnoreCase);
        foreach (var template in templates)
        {
            map.Add(template.Id, template);
        }

        return map;
    }
}
