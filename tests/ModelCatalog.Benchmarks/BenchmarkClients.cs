using System;
using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net.Http;
using Anthropic;
using Microsoft.Extensions.AI;
using OpenAI;

namespace ModelCatalog.Benchmarks;

/// <summary>
/// The clients the client benchmarks compare, all sending through one <see cref="HttpClient"/> to one provider origin:
/// <see cref="CatalogChatClient"/> over a catalog with one model per protocol, and the official adapters (Anthropic SDK
/// <c>AsIChatClient()</c>; Microsoft.Extensions.AI.OpenAI <c>AsIChatClient()</c> over chat completions and over responses).
/// </summary>
internal sealed class BenchmarkClients : IDisposable
{
    // BenchmarkDotNet categories: one per wire protocol, each with its own baseline.
    public const string AnthropicCategory = "anthropic-messages";
    public const string CompletionsCategory = "openai-completions";
    public const string ResponsesCategory = "openai-responses";

    public static readonly ChatMessage[] Prompt = { new(ChatRole.System, "You are terse."), new(ChatRole.User, "Say hello.") };

    public static readonly ChatOptions AnthropicOptions = new() { ModelId = "anthropic/claude-haiku-4-5" };
    public static readonly ChatOptions CompletionsOptions = new() { ModelId = "openai/gpt-4o-mini" };
    public static readonly ChatOptions ResponsesOptions = new() { ModelId = "openai-responses/gpt-4.1-mini" };

    public BenchmarkClients(string origin, HttpClient http)
    {
        var catalog = Catalog.CreateBuilder()
            .AddProvider("anthropic", origin, ModelApi.AnthropicMessages, apiKey: "local-key")
            .AddModel("anthropic", "claude-haiku-4-5", cost: new ModelCost(1m, 5m, 0.1m, 1.25m), maxTokens: 1024)
            .AddProvider("openai", origin + "/v1", ModelApi.OpenAICompletions, apiKey: "local-key")
            .AddModel("openai", "gpt-4o-mini", cost: new ModelCost(0.15m, 0.6m, 0.075m), maxTokens: 1024)
            .AddProvider("openai-responses", origin + "/v1", ModelApi.OpenAIResponses, apiKey: "local-key")
            .AddModel("openai-responses", "gpt-4.1-mini", cost: new ModelCost(0.4m, 1.6m, 0.1m), maxTokens: 1024)
            .Build();
        Ours = new CatalogChatClient(catalog, http);
        OfficialAnthropic = new AnthropicClient(new Anthropic.Core.ClientOptions { BaseUrl = origin, ApiKey = "local-key", HttpClient = http })
            .AsIChatClient("claude-haiku-4-5", 1024);
        var openAI = new OpenAIClient(new ApiKeyCredential("local-key"),
            new OpenAIClientOptions { Endpoint = new Uri(origin + "/v1"), Transport = new HttpClientPipelineTransport(http) });
        OfficialCompletions = openAI.GetChatClient("gpt-4o-mini").AsIChatClient();
#pragma warning disable OPENAI001 // the Responses client is marked experimental by the OpenAI SDK
        OfficialResponses = openAI.GetResponsesClient().AsIChatClient("gpt-4.1-mini");
#pragma warning restore OPENAI001
    }

    public CatalogChatClient Ours { get; }

    public IChatClient OfficialAnthropic { get; }

    public IChatClient OfficialCompletions { get; }

    public IChatClient OfficialResponses { get; }

    public void Dispose()
    {
        Ours.Dispose();
        OfficialAnthropic.Dispose();
        OfficialCompletions.Dispose();
        OfficialResponses.Dispose();
    }
}
