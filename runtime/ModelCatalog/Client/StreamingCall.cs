using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using Microsoft.Extensions.AI;

namespace ModelCatalog;

/// <summary>
/// One streamed attempt after a 2xx: reads the SSE body through the protocol's <see cref="StreamDecoder"/> and yields
/// one update per content-bearing event, then the final update. Every provider-side failure surfaces as a
/// <see cref="ProviderFailureException"/> so the client can decide about failover: an in-band error (an error event or
/// object, a bare JSON error line), a stream that ends before its protocol's real end (<c>[DONE]</c> alone included),
/// and a stall. Until the first update the attempt is bounded by <see cref="CatalogChatClientOptions.AttemptTimeout"/>
/// from the request's start, and every wait for an event by <see cref="CatalogChatClientOptions.StreamIdleTimeout"/>;
/// both run on the one <see cref="CancellationTokenSource"/> that also bounded the wait for the headers.
/// </summary>
internal sealed class StreamingCall : IDisposable
{
    private static readonly double TicksPerTimestamp = (double)TimeSpan.TicksPerSecond / Stopwatch.Frequency;
    private const long NoDeadline = long.MaxValue;

    private readonly CatalogChatClient _client;
    private readonly ModelInfo _model;
    private readonly StreamDecoder? _decoder;
    private readonly HttpResponseMessage _response;
    private readonly BareJsonLineWatcher? _body;
    private readonly IReadOnlyList<string> _secrets;
    private readonly CancellationTokenSource? _timeout;
    private readonly TimeSpan _attemptTimeout;
    private readonly TimeSpan _idleTimeout;
    private readonly long _startedAt;
    private readonly ChatResponseUpdate? _whole;
    private bool _armedForAttempt;

    // The stall watchdog. Re-arming a CancellationTokenSource per event costs a timer-queue update each time (a lock and
    // a reschedule per SSE event); instead each wait only moves _deadline (a Stopwatch timestamp) and one timer, due no
    // later than the deadline, re-checks it when it fires and cancels _timeout only once the deadline has really passed.
    // Deadlines never move earlier (see Arm), so a pending timer is never late. All fields below are guarded by _gate.
    private readonly object _gate = new();
    private readonly Timer? _watchdog;
    private long _deadline = NoDeadline;
    private bool _watchdogPending;
    private bool _disposed;
#if NETSTANDARD2_0
    private readonly CancellationTokenRegistration? _abortOnTimeout;
#endif

    public StreamingCall(
        CatalogChatClient client, ModelInfo model, StreamDecoder decoder, HttpResponseMessage response, Stream body, IReadOnlyList<string> secrets,
        CancellationTokenSource? timeout, TimeSpan attemptTimeout, TimeSpan idleTimeout, long startedAt)
    {
        _client = client;
        _model = model;
        _decoder = decoder;
        _response = response;
        _body = new BareJsonLineWatcher(body);
        _secrets = secrets;
        _timeout = timeout;
        _attemptTimeout = attemptTimeout;
        _idleTimeout = idleTimeout;
        _startedAt = startedAt;
#if NETSTANDARD2_0
        // .NET Framework's network streams may ignore a cancelled read: closing the response ends it for sure.
        _abortOnTimeout = timeout?.Token.Register(static state => ((HttpResponseMessage)state!).Dispose(), response);
#endif
        if (timeout is not null)
        {
            // From here the watchdog bounds the attempt (Arm applies the same attempt deadline before the first update).
            _watchdog = new Timer(static state => ((StreamingCall)state!).OnWatchdog(), this, Timeout.Infinite, Timeout.Infinite);
            timeout.CancelAfter(Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>A server that ignored <c>"stream": true</c> and answered a whole JSON response: it becomes one final update.</summary>
    public StreamingCall(CatalogChatClient client, ModelInfo model, HttpResponseMessage response, ChatResponseUpdate whole)
    {
        _client = client;
        _model = model;
        _response = response;
        _secrets = Array.Empty<string>();
        _whole = whole;
    }

    public async IAsyncEnumerable<ChatResponseUpdate> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (_whole is not null)
        {
            yield return _whole;
            yield break;
        }

        var decoder = _decoder!;
        var token = _timeout?.Token ?? cancellationToken;
        var events = SseEvent.CreateParser(_body!).EnumerateAsync(token).GetAsyncEnumerator(token);
        var contents = new List<AIContent>();
        bool yielded = false;
        try
        {
            while (!decoder.EndOfStream)
            {
                Arm(yielded);
                try
                {
                    if (!await events.MoveNextAsync().ConfigureAwait(false))
                    {
                        break;
                    }

                    var current = events.Current.Data;
                    if (current.IsDone)
                    {
                        decoder.OnDone();
                    }
                    else if (current.Data is { } document)
                    {
                        try
                        {
                            decoder.OnEvent(current.EventType, document.RootElement, contents);
                        }
                        finally
                        {
                            current.Release();
                        }
                    }

                    ThrowIfBareError(_body!.TakeLine());
                }
                catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
                {
                    throw ToFailure(exception);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // The caller cancelled while a read was failing for that very reason: it stays a cancellation.
                    throw new OperationCanceledException("The caller cancelled the request.", exception, cancellationToken);
                }

                if (contents.Count > 0)
                {
                    // The caller's time with an update is not the provider's silence.
                    Disarm();
                    yielded = true;
                    yield return NewUpdate(contents);
                    contents = new List<AIContent>();
                }
            }
        }
        finally
        {
            Disarm();
            await events.DisposeAsync().ConfigureAwait(false);
        }

        ThrowIfBareError(_body!.TakeLine() ?? _body.TakeUnterminatedLine());

        // [DONE] or the end of the body is not a success by itself: only the protocol's own end makes the response whole.
        // Before the first update this fails over; after it the client surfaces it (the caller's output is truncated).
        if (!decoder.IsComplete)
        {
            throw new ProviderFailureException(FailureReason.StreamError, yielded
                ? "The stream ended before the response was complete (no finish reason): the output is truncated."
                : "The stream ended without any output or finish reason" + (decoder.EndOfStream ? " ([DONE] alone is not a response)." : "."));
        }

        decoder.Complete(contents);
        yield return _client.CompleteStream(_model, decoder, contents, Reservation);
    }

    /// <summary>The worst case this attempt holds in the client's budgets: completed by the final update, released on dispose otherwise.</summary>
    public BudgetReservation? Reservation { get; set; }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _watchdog?.Dispose();
        }

        Reservation?.Release();
#if NETSTANDARD2_0
        _abortOnTimeout?.Dispose();
#endif
        _body?.Dispose();
        _response.Dispose();
        _timeout?.Dispose();
    }

    // Before the first update the attempt's own deadline applies too; whichever limit comes first is armed.
    private void Arm(bool yielded)
    {
        if (_timeout is null)
        {
            return;
        }

        long now = Stopwatch.GetTimestamp();
        long deadline = _idleTimeout == Timeout.InfiniteTimeSpan ? NoDeadline : now + ToTimestamp(_idleTimeout);
        bool forAttempt = false;
        if (!yielded && _attemptTimeout != Timeout.InfiniteTimeSpan)
        {
            long attemptDeadline = _startedAt + ToTimestamp(_attemptTimeout);
            if (attemptDeadline < deadline)
            {
                deadline = attemptDeadline;
                forAttempt = true;
            }
        }

        lock (_gate)
        {
            _armedForAttempt = forAttempt;
            _deadline = deadline;
            if (deadline != NoDeadline && !_watchdogPending && !_disposed)
            {
                _watchdogPending = true;
                _watchdog!.Change(DueMilliseconds(deadline - now), Timeout.Infinite);
            }
        }
    }

    private void Disarm()
    {
        if (_timeout is null)
        {
            return;
        }

        lock (_gate)
        {
            _deadline = NoDeadline;
        }
    }

    // The timer fired: cancel when the armed deadline has passed, else wait for the rest of it (the deadline moved on).
    private void OnWatchdog()
    {
        lock (_gate)
        {
            _watchdogPending = false;
            if (_disposed || _deadline == NoDeadline)
            {
                return;
            }

            long now = Stopwatch.GetTimestamp();
            if (now < _deadline)
            {
                _watchdogPending = true;
                _watchdog!.Change(DueMilliseconds(_deadline - now), Timeout.Infinite);
                return;
            }
        }

        try
        {
            _timeout!.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The call ended while the timer fired.
        }
    }

    private static long ToTimestamp(TimeSpan value) => (long)(value.Ticks / TicksPerTimestamp);

    // Rounded up: a timer that fires a little early only re-arms, one that fires late would stretch the limit.
    private static long DueMilliseconds(long timestamps) =>
        Math.Max(0, (long)Math.Ceiling(timestamps * TicksPerTimestamp / TimeSpan.TicksPerMillisecond));

    private ProviderFailureException ToFailure(Exception exception)
    {
        if (_timeout is { IsCancellationRequested: true } && exception is not ProviderFailureException)
        {
            return new ProviderFailureException(FailureReason.Timeout, _armedForAttempt
                ? "No streamed output within " + Seconds(_attemptTimeout) + " of the request (AttemptTimeout)."
                : "The stream sent no event for " + Seconds(_idleTimeout) + " (StreamIdleTimeout).");
        }

        return TransportFailures.From(exception, _secrets, Timeout.InfiniteTimeSpan, streaming: true);
    }

    private void ThrowIfBareError(byte[]? line)
    {
        if (line is null)
        {
            return;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException)
        {
            return; // not JSON after all: a line the SSE format ignores, as before
        }

        using (document)
        {
            if (ProviderErrorReader.IsErrorObject(document.RootElement))
            {
                throw ProviderErrorReader.FromInBandError(document.RootElement, null, "The stream reported an error.").Redact(_secrets);
            }
        }
    }

    private static string Seconds(TimeSpan value) => value.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";

    private ChatResponseUpdate NewUpdate(List<AIContent> contents) => new(ChatRole.Assistant, contents)
    {
        ModelId = _model.Ref,
        ResponseId = _decoder!.ResponseId,
        MessageId = _decoder.MessageId,
        CreatedAt = _decoder.CreatedAt,
    };
}
