using System;
using System.Collections.Generic;

namespace ModelCatalog.Analyzers;

/// <summary>
/// Provider ids that developers use with other <c>IChatClient</c>s too, with the block the MC1002 fix writes for them.
/// A <c>ChatOptions.ModelId</c> whose provider part is one of these is checked even when models.yaml does not
/// configure it (SPEC §4), because the ref is then almost certainly meant for the catalog. Values follow
/// shared/catalogs/models-dev.yaml; every key is a <c>${VAR}</c> reference except for loopback servers.
/// </summary>
internal static class WellKnownProviders
{
    private static readonly Dictionary<string, ProviderTemplate> Templates = Create(
        new ProviderTemplate("lmstudio", "http://127.0.0.1:1234/v1", "openai-completions", "lmstudio"),
        new ProviderTemplate("ollama", "http://127.0.0.1:11434/v1", "openai-completions", "ollama"),
        new ProviderTemplate("vllm", "http://127.0.0.1:8000/v1", "openai-completions", "vllm"),
        new ProviderTemplate("openrouter", "https://openrouter.ai/api/v1", "openai-completions", "${OPENROUTER_API_KEY}"),
        new ProviderTemplate("google", "https://generativelanguage.googleapis.com/v1beta/openai", "openai-completions", "${GEMINI_API_KEY}"),
        new ProviderTemplate("mistral", "https://api.mistral.ai/v1", "openai-completions", "${MISTRAL_API_KEY}"),
        new ProviderTemplate("groq", "https://api.groq.com/openai/v1", "openai-completions", "${GROQ_API_KEY}"),
        new ProviderTemplate("xai", "https://api.x.ai/v1", "openai-completions", "${XAI_API_KEY}"),
        new ProviderTemplate("deepseek", "https://api.deepseek.com", "openai-completions", "${DEEPSEEK_API_KEY}"),
        new ProviderTemplate("together", "https://api.together.xyz/v1", "openai-completions", "${TOGETHER_API_KEY}"),
        new ProviderTemplate("fireworks", "https://api.fireworks.ai/inference/v1", "openai-completions", "${FIREWORKS_API_KEY}"),
        new ProviderTemplate("cerebras", "https://api.cerebras.ai/v1", "openai-completions", "${CEREBRAS_API_KEY}"),
        new ProviderTemplate("moonshot", "https://api.moonshot.ai/v1", "openai-completions", "${MOONSHOT_API_KEY}"),
        new ProviderTemplate("zai", "https://api.z.ai/api/paas/v4", "openai-completions", "${ZAI_API_KEY}"),
        new ProviderTemplate("perplexity", "https://api.perplexity.ai", "openai-completions", "${PERPLEXITY_API_KEY}"),
        new ProviderTemplate("nvidia", "https://integrate.api.nvidia.com/v1", "openai-completions", "${NVIDIA_API_KEY}"),
        new ProviderTemplate("huggingface", "https://router.huggingface.co/v1", "openai-completions", "${HF_TOKEN}"),
        new ProviderTemplate("deepinfra", "https://api.deepinfra.com/v1/openai", "openai-completions", "${DEEPINFRA_API_KEY}"),
        new ProviderTemplate("github-copilot", "https://api.githubcopilot.com", "openai-completions", "${GITHUB_TOKEN}"),
        new ProviderTemplate("qwen", "https://dashscope-intl.aliyuncs.com/compatible-mode/v1", "openai-completions", "${DASHSCOPE_API_KEY}"),
        new ProviderTemplate("kimi", "https://api.kimi.com/coding", "anthropic-messages", "${KIMI_API_KEY}"),
        new ProviderTemplate("venice", "https://api.venice.ai/api/v1", "openai-completions", "${VENICE_API_KEY}"));

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
