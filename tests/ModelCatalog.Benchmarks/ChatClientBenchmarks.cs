using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.Extensions.AI;

namespace ModelCatalog.Benchmarks;

/// <summary>
/// README.md (Performance): the catalog client costs ≤ 1.10× the latency of a raw <see cref="HttpClient"/> POST of the same bytes,
/// per protocol, and allocates less than the official adapters (<see cref="BenchmarkClients"/>). All against a loopback server.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ChatClientBenchmarks
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private LoopbackProvider _server = null!;
    private HttpClient _http = null!;
    private BenchmarkClients _clients = null!;
    private byte[] _anthropicBody = [];
    private byte[] _completionsBody = [];
    private byte[] _responsesBody = [];

    [GlobalSetup]
    public async Task Setup()
    {
        _server = new LoopbackProvider();
        _http = new HttpClient();
        _clients = new BenchmarkClients(_server.Origin, _http);

        // The raw baselines post exactly the bytes the catalog client sends.
        await CatalogAnthropic();
        _anthropicBody = _server.LastBody;
        await CatalogCompletions();
        _completionsBody = _server.LastBody;
        await CatalogResponses();
        _responsesBody = _server.LastBody;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _clients.Dispose();
        _http.Dispose();
        _server.Dispose();
    }

    [BenchmarkCategory(BenchmarkClients.AnthropicCategory), Benchmark(Baseline = true, Description = "raw HttpClient POST (anthropic bytes)")]
    public Task<string> RawPostAnthropic() => RawPost("/v1/messages", _anthropicBody, anthropic: true);

    [BenchmarkCategory(BenchmarkClients.AnthropicCategory), Benchmark(Description = "CatalogChatClient (anthropic-messages)")]
    public Task<ChatResponse> CatalogAnthropic() => _clients.Ours.GetResponseAsync(BenchmarkClients.Prompt, BenchmarkClients.AnthropicOptions);

    [BenchmarkCategory(BenchmarkClients.AnthropicCategory), Benchmark(Description = "official Anthropic IChatClient")]
    public Task<ChatResponse> OfficialAnthropic() => _clients.OfficialAnthropic.GetResponseAsync(BenchmarkClients.Prompt);

    [BenchmarkCategory(BenchmarkClients.CompletionsCategory), Benchmark(Baseline = true, Description = "raw HttpClient POST (openai bytes)")]
    public Task<string> RawPostCompletions() => RawPost("/v1/chat/completions", _completionsBody, anthropic: false);

    [BenchmarkCategory(BenchmarkClients.CompletionsCategory), Benchmark(Description = "CatalogChatClient (openai-completions)")]
    public Task<ChatResponse> CatalogCompletions() => _clients.Ours.GetResponseAsync(BenchmarkClients.Prompt, BenchmarkClients.CompletionsOptions);

    [BenchmarkCategory(BenchmarkClients.CompletionsCategory), Benchmark(Description = "official OpenAI IChatClient")]
    public Task<ChatResponse> OfficialCompletions() => _clients.OfficialCompletions.GetResponseAsync(BenchmarkClients.Prompt);

    [BenchmarkCategory(BenchmarkClients.ResponsesCategory), Benchmark(Baseline = true, Description = "raw HttpClient POST (responses bytes)")]
    public Task<string> RawPostResponses() => RawPost("/v1/responses", _responsesBody, anthropic: false);

    [BenchmarkCategory(BenchmarkClients.ResponsesCategory), Benchmark(Description = "CatalogChatClient (openai-responses)")]
    public Task<ChatResponse> CatalogResponses() => _clients.Ours.GetResponseAsync(BenchmarkClients.Prompt, BenchmarkClients.ResponsesOptions);

    [BenchmarkCategory(BenchmarkClients.ResponsesCategory), Benchmark(Description = "official OpenAI Responses IChatClient")]
    public Task<ChatResponse> OfficialResponses() => _clients.OfficialResponses.GetResponseAsync(BenchmarkClients.Prompt);

    // The floor: the same bytes and auth headers, the reply read as a string (what any client must at least do).
    private async Task<string> RawPost(string path, byte[] body, bool anthropic)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _server.Origin + path) { Content = new ByteArrayContent(body) };
        if (anthropic)
        {
            request.Headers.Add("x-api-key", "local-key");
            request.Headers.Add("anthropic-version", "2023-06-01");
        }
        else
        {
            request.Headers.Add("Authorization", "Bearer local-key");
        }

        request.Content.Headers.ContentType = Json;
        using var response = await _http.SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }
}
