using System;
using System.Net.Http;
using System.Net.ServerSentEvents;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.Extensions.AI;

namespace ModelCatalog.Benchmarks;

/// <summary>
/// README.md (Performance): reading a streamed reply of <see cref="Deltas"/> text deltas, per protocol, takes less time and
/// allocates less with <see cref="CatalogChatClient"/> than with the official adapters (<see cref="BenchmarkClients"/>). Every
/// client reads the same bytes from the same in-memory <see cref="HttpMessageHandler"/>; the bare row (the SSE parser alone,
/// no JSON) is the floor.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class StreamingBenchmarks
{
    /// <summary>Text deltas per streamed reply.</summary>
    public const int Deltas = 10_000;

    private HttpClient _http = null!;
    private BenchmarkClients _clients = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _http = new HttpClient(new InMemoryProvider(Deltas));
        _clients = new BenchmarkClients(InMemoryProvider.Origin, _http);

        // Every client must read the whole reply, or the comparison is void.
        int expected = Deltas * CannedReplies.DeltaText.Length;
        foreach (var (name, read) in new (string, Func<Task<int>>)[]
                 {
                     ("ours, anthropic", CatalogAnthropic), ("official, anthropic", OfficialAnthropic),
                     ("ours, completions", CatalogCompletions), ("official, completions", OfficialCompletions),
                     ("ours, responses", CatalogResponses), ("official, responses", OfficialResponses),
                 })
        {
            int characters = await read();
            if (characters != expected)
            {
                throw new InvalidOperationException(name + " read " + characters + " characters of text, expected " + expected + ".");
            }
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _clients.Dispose();
        _http.Dispose();
    }

    [BenchmarkCategory(BenchmarkClients.AnthropicCategory), Benchmark(Description = "bare SSE read (anthropic bytes)")]
    public Task<int> BareAnthropic() => BareRead("/v1/messages");

    [BenchmarkCategory(BenchmarkClients.AnthropicCategory), Benchmark(Baseline = true, Description = "CatalogChatClient stream (anthropic-messages)")]
    public Task<int> CatalogAnthropic() => Read(_clients.Ours, BenchmarkClients.AnthropicOptions);

    [BenchmarkCategory(BenchmarkClients.AnthropicCategory), Benchmark(Description = "official Anthropic IChatClient stream")]
    public Task<int> OfficialAnthropic() => Read(_clients.OfficialAnthropic, null);

    [BenchmarkCategory(BenchmarkClients.CompletionsCategory), Benchmark(Description = "bare SSE read (openai bytes)")]
    public Task<int> BareCompletions() => BareRead("/v1/chat/completions");

    [BenchmarkCategory(BenchmarkClients.CompletionsCategory), Benchmark(Baseline = true, Description = "CatalogChatClient stream (openai-completions)")]
    public Task<int> CatalogCompletions() => Read(_clients.Ours, BenchmarkClients.CompletionsOptions);

    [BenchmarkCategory(BenchmarkClients.CompletionsCategory), Benchmark(Description = "official OpenAI IChatClient stream")]
    public Task<int> OfficialCompletions() => Read(_clients.OfficialCompletions, null);

    [BenchmarkCategory(BenchmarkClients.ResponsesCategory), Benchmark(Description = "bare SSE read (responses bytes)")]
    public Task<int> BareResponses() => BareRead("/v1/responses");

    [BenchmarkCategory(BenchmarkClients.ResponsesCategory), Benchmark(Baseline = true, Description = "CatalogChatClient stream (openai-responses)")]
    public Task<int> CatalogResponses() => Read(_clients.Ours, BenchmarkClients.ResponsesOptions);

    [BenchmarkCategory(BenchmarkClients.ResponsesCategory), Benchmark(Description = "official OpenAI Responses IChatClient stream")]
    public Task<int> OfficialResponses() => Read(_clients.OfficialResponses, null);

    private static async Task<int> Read(IChatClient client, ChatOptions? options)
    {
        int characters = 0;
        await foreach (var update in client.GetStreamingResponseAsync(BenchmarkClients.Prompt, options))
        {
            foreach (var content in update.Contents)
            {
                if (content is TextContent text)
                {
                    characters += text.Text.Length;
                }
            }
        }

        return characters;
    }

    // The floor: the same request and bytes through System.Net.ServerSentEvents, each event's data kept as a string.
    private async Task<int> BareRead(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, InMemoryProvider.Origin + path) { Content = new ByteArrayContent([]) };
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var body = await response.Content.ReadAsStreamAsync();
        int events = 0;
        await foreach (var item in SseParser.Create(body).EnumerateAsync())
        {
            events += item.Data.Length > 0 ? 1 : 0;
        }

        return events;
    }
}
