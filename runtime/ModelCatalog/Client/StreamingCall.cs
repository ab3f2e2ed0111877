using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.Extensions.AI;

namespace ModelCatalog;

/// <summary>
/// One streamed attempt after a 2xx: reads the SSE body through the protocol's <see cref="StreamDecoder"/> and yields
/// one update per content-bearing event, then the final update. Every failure surfaces as a
/// <see cref="ProviderFailureException"/> so the client can decide about failover.
/// </summary>
internal sealed class StreamingCall : IDisposable
{
    private readonly CatalogChatClient _client;
    private readonly ModelInfo _model;
    private readonly StreamDecoder _decoder;
    private readonly HttpResponseMessage _response;
    private readonly Stream _body;
    private readonly IReadOnlyList<string> _secrets;

    public StreamingCall(
        CatalogChatClient client, ModelInfo model, StreamDecoder decoder, HttpResponseMessage response, Stream body, IReadOnlyList<string> secrets)
    {
        _client = client;
        _model = model;
        _decoder = decoder;
        _response = response;
        _body = body;
        _secrets = secrets;
    }

    public async IAsyncEnumerable<ChatResponseUpdate> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var events = SseEvent.CreateParser(_body).EnumerateAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
        var contents = new List<AIContent>();
        try
        {
            while (!_decoder.IsComplete)
            {
                try
                {
                    if (!await events.MoveNextAsync().ConfigureAwait(false))
                    {
                        break;
                    }

                    var current = events.Current.Data;
                    if (current.IsDone)
                    {
                        _decoder.OnDone();
                    }
                    else if (current.Data is { } document)
                    {
                        using (document)
                        {
                            _decoder.OnEvent(events.Current.EventType, document.RootElement, contents);
                        }
                    }
                }
                catch (Exception exception) when (!TransportFailures.IsCallerCancellation(exception, cancellationToken))
                {
                    throw TransportFailures.From(exception, _secrets, Timeout.InfiniteTimeSpan, streaming: true);
                }

                if (contents.Count > 0)
                {
                    yield return NewUpdate(contents);
                    contents = new List<AIContent>();
                }
            }
        }
        finally
        {
            await events.DisposeAsync().ConfigureAwait(false);
        }

        // Chat Completions servers that omit [DONE] still end with a finish reason; anything less is a broken stream.
        if (!_decoder.IsComplete && _decoder.FinishReason is null)
        {
            throw new ProviderFailureException(FailureReason.StreamError, "The stream ended before the response was complete.");
        }

        _decoder.Complete(contents);
        yield return _client.CompleteStream(_model, _decoder, contents);
    }

    public void Dispose()
    {
        _body.Dispose();
        _response.Dispose();
    }

    private ChatResponseUpdate NewUpdate(List<AIContent> contents) => new(ChatRole.Assistant, contents)
    {
        ModelId = _model.Ref,
        ResponseId = _decoder.ResponseId,
        MessageId = _decoder.MessageId,
        CreatedAt = _decoder.CreatedAt,
    };
}
