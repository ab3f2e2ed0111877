namespace ModelCatalog.Runtime.Tests.Infrastructure;

/// <summary>
/// The common setup of the handed provider cases (tests/data/cases/providers/README.md, "The common catalog"): one
/// catalog over a scripted loopback server, dummy keys from a resolver, and retries that do not really wait.
/// </summary>
public static class ProviderCases
{
    /// <summary>The common catalog; <paramref name="withFallback"/> false for the cases' "no fallback" runs.</summary>
    public static Catalog Catalog(string baseUrl, bool withFallback = true)
    {
        var builder = ModelCatalog.Catalog.CreateBuilder()
            .AddProvider("anth", baseUrl + "/anth", ModelApi.AnthropicMessages, "${ANTH_KEY}")
            .AddModel("anth", "claude-sonnet-4-5", cost: new ModelCost(3m, 15m, 0.3m, 3.75m), reasoning: true)
            .AddProvider("oai", baseUrl + "/oai/v1", ModelApi.OpenAICompletions, "${OAI_KEY}")
            .AddModel("oai", "gpt-4.1-mini", cost: new ModelCost(1.25m, 10m, 0.125m, 0m), contextWindow: 128000)
            .AddProvider("resp", baseUrl + "/resp/v1", ModelApi.OpenAIResponses, "${RESP_KEY}")
            .AddModel("resp", "gpt-5-mini", cost: new ModelCost(1.25m, 10m, 0.125m, 0m), reasoning: true)
            .AddProvider("minimax", baseUrl + "/mm/v1", ModelApi.OpenAICompletions, "${MM_KEY}")
            .AddModel("minimax", "MiniMax-M2.5", cost: new ModelCost(0.3m, 1.2m, 0.03m, 0.375m), reasoning: true)
            .AddProvider("mmant", baseUrl + "/mma", ModelApi.AnthropicMessages, "${MM_KEY}", authHeader: true)
            .AddModel("mmant", "MiniMax-M2.5", cost: new ModelCost(0.3m, 1.2m, 0.03m, 0.375m), reasoning: true)
            .AddProvider("back", baseUrl + "/back/v1", ModelApi.OpenAICompletions, "dummy-fallback-key")
            .AddModel("back", "fallback-model", cost: new ModelCost(1m, 1m, 0m, 0m), contextWindow: 1_000_000)
            .SetPrimary("anth/claude-sonnet-4-5");
        if (withFallback)
        {
            builder.AddFallback("back/fallback-model");
        }

        return builder.Build();
    }

    /// <summary>Client options of the cases: every key is <c>dummy-NAME</c>; retry delays are recorded, not waited.</summary>
    public static CatalogChatClientOptions Options(RecordingDelay? delay = null) => new()
    {
        SecretResolver = new DelegateSecretResolver(name => "dummy-" + name),
        Delay = (delay ?? new RecordingDelay()).Wait,
    };

    /// <summary>The cases' one tool: <c>get_weather(city)</c>.</summary>
    public static AIFunction GetWeather { get; } =
        AIFunctionFactory.Create((string city) => "Sunny in " + city, "get_weather", "Weather for a city");

    /// <summary>The cases' first user message.</summary>
    public static List<ChatMessage> Question() => new() { new ChatMessage(ChatRole.User, "What is the weather in Paris?") };
}
