using System;
using System.ClientModel;
using System.Net.Http;
using System.Threading.Tasks;
using Anthropic;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.AI;
using OpenAI;

namespace ModelCatalog.Benchmarks;

/// <summary>
/// README.md (Performance): the catalog client costs ≤ 1.10× the latency of a raw <see cref="HttpClient"/> POST of the same bytes, and
/// allocates less than the official Anthropic and OpenAI <see cref="IChatClient"/> adapters. All against a loopback server.
/// </summary>
[MemoryDiagnoser]
public class ChatClientBenchmarks
{
    private static readonly ChatMessage[] Prompt = { new(ChatRole.System, "You are terse."), new(ChatRole.User, "Say hello.") };

    private LoopbackProvider _server = null!;
    private HttpClient _http = null!;
    private CatalogChatClient _catalogClient = null!;
    private IChatClient _officialAnthropic = null!;
    private IChatClient _officialOpenAI = null!;
    private byte[] _anthropicBody = Array.Empty<byte>();
    private byte[] _openAIBody = Array.Empty<byte>();

    [GlobalSetup]
    public async Task Setup()
    {
        _server = new LoopbackProvider();
        _http = new HttpClient();
        var catalog = Catalog.CreateBuilder()
            .AddProvider("anthropic", _server.Origin, ModelApi.AnthropicMessages, apiKey: "local-key")
            .AddModel("anthropic", "claude-haiku-4-5", cost: new ModelCost(1m, 5m, 0.1m, 1.25m), maxTokens: 1024)
            .AddProvider("openai", _server.Origin + "/v1", ModelApi.OpenAICompletions, apiKey: "local-key")
            .AddModel("openai", "gpt-4o-mini", cost: new ModelCost(0.15m, 0.6m, 0.075m), maxTokens: 1024)
            .Build();
        _catalogClient = new CatalogChatClient(catalog, _http);
        _officialAnthropic = new AnthropicClient(new Anthropic.Core.ClientOptions { BaseUrl = _server.Origin, ApiKey = "local-key", HttpClient = _http })
            .AsIChatClient("claude-haiku-4-5", 1024);
        _officialOpenAI = new OpenAIClient(new ApiKeyCredential("local-key"), new OpenAIClientOptions { Endpoint = new Uri(_server.Origin + "/v1") })
            .GetChatClient("gpt-4o-mini").AsIChatClient();

        // The raw baselines post exactly the bytes the catalog client sends.
        await CatalogClientAnthropic();
        _anthropicBody = _server.LastBody;
        await CatalogClientOpenAI();
        _openAIBody = _server.LastBody;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _catalogClient.Dispose();
        _http.Dispose();
        _server.Dispose();
    }

    [Benchmark(Baseline = true, Description = "raw HttpClient POST (anthropic bytes)")]
    public async Task<string> RawPostAnthropic()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _server.Origin + "/v1/messages") { Content = new ByteArrayContent(_anthropicBody) };
        request.Headers.Add("x-api-key", "local-key");
        request.Headers.Add("anthropic-version", "2023-06-01");
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var response = await _http.SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }

    [Benchmark(Description = "CatalogChatClient (anthropic-messages)")]
    public async Task<ChatResponse> CatalogClientAnthropic() =>
        await _catalogClient.GetResponseAsync(Prompt, new ChatOptions { ModelId = "anthropic/claude-haiku-4-5" });

    [Benchmark(Description = "official Anthropic IChatClient")]
    public async Task<ChatResponse> OfficialAnthropic() => await _officialAnthropic.GetResponseAsync(Prompt);

    [Benchmark(Description = "raw HttpClient POST (openai bytes)")]
    public async Task<string> RawPostOpenAI()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _server.Origin + "/v1/chat/completions") { Content = new ByteArrayContent(_openAIBody) };
        request.Headers.Add("Authorization", "Bearer local-key");
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var response = await _http.SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }

    [Benchmark(Description = "CatalogChatClient (openai-completions)")]
    public async Task<ChatResponse> CatalogClientOpenAI() =>
        await _catalogClient.GetResponseAsync(Prompt, new ChatOptions { ModelId = "openai/gpt-4o-mini" });

    [Benchmark(Description = "official OpenAI IChatClient")]
    public async Task<ChatResponse> OfficialOpenAI() => await _officialOpenAI.GetResponseAsync(Prompt);
}
