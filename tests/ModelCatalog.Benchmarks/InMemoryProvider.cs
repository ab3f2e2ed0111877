using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace ModelCatalog.Benchmarks;

/// <summary>
/// A provider served from memory, for the streaming benchmarks: every client gets the same canned SSE bytes for its path
/// (…/messages, …/chat/completions, …/responses) through the same <see cref="HttpClient"/>, so the measured difference is
/// the client's own parsing and update building, not the network.
/// </summary>
internal sealed class InMemoryProvider : HttpMessageHandler
{
    private static readonly MediaTypeHeaderValue EventStream = new("text/event-stream");

    private readonly byte[] _anthropic;
    private readonly byte[] _openAI;
    private readonly byte[] _responses;

    public InMemoryProvider(int deltas)
    {
        _anthropic = CannedReplies.AnthropicStream(deltas);
        _openAI = CannedReplies.OpenAIStream(deltas);
        _responses = CannedReplies.ResponsesStream(deltas);
    }

    public const string Origin = "http://provider.local";

    /// <summary>The SSE bytes served for <paramref name="path"/>.</summary>
    public byte[] StreamFor(string path) =>
        path.EndsWith("/messages", System.StringComparison.Ordinal) ? _anthropic
        : path.EndsWith("/responses", System.StringComparison.Ordinal) ? _responses
        : _openAI;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var content = new ByteArrayContent(StreamFor(request.RequestUri!.AbsolutePath));
        content.Headers.ContentType = EventStream;
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
    }
}
