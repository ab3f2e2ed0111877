using System;
using System.Diagnostics;
using System.Threading;

namespace ModelCatalog;

/// <summary>
/// The <see cref="CatalogChatClientOptions.AttemptTimeout"/> of one non-streaming attempt: a token cancelled by the
/// caller's token or when the timeout elapses. On .NET the <see cref="CancellationTokenSource"/> and its timer are
/// reused per thread (<c>CancellationTokenSource.TryReset</c>) instead of being created and disposed on every
/// request; the caller's token is linked by a registration, as a linked source would do.
/// </summary>
internal struct AttemptTimer : IDisposable
{
#if NET
    // A source is returned to the pool only when it was reset this long before its deadline: its timer cannot have
    // fired yet (timers never fire early), so no stale callback can cancel the source's next attempt.
    private static readonly long SafetyMargin = Stopwatch.Frequency; // 1 s

    [ThreadStatic]
    private static CancellationTokenSource? s_spare;

    private CancellationTokenRegistration _callerLink;
    private long _deadline;
#endif
    private CancellationTokenSource? _source;

    /// <summary>Starts the timer; with an infinite <paramref name="timeout"/> the token is the caller's own and nothing is created.</summary>
    public static AttemptTimer Start(TimeSpan timeout, CancellationToken callerToken)
    {
        var timer = new AttemptTimer { Token = callerToken };
        if (timeout == Timeout.InfiniteTimeSpan)
        {
            return timer;
        }

#if NET
        var source = s_spare ?? new CancellationTokenSource();
        s_spare = null;
        if (callerToken.CanBeCanceled)
        {
            timer._callerLink = callerToken.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), source);
        }

        timer._deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
#else
        var source = CancellationTokenSource.CreateLinkedTokenSource(callerToken);
#endif
        source.CancelAfter(timeout);
        timer._source = source;
        timer.Token = source.Token;
        return timer;
    }

    /// <summary>The token to send with: the caller's when there is no timeout.</summary>
    public CancellationToken Token { get; private set; }

    public void Dispose()
    {
        var source = _source;
        if (source is null)
        {
            return;
        }

        _source = null;
#if NET
        // Unregistering waits for a caller cancellation that is running, so a cancelled source is never reused.
        _callerLink.Dispose();
        if (Stopwatch.GetTimestamp() < _deadline - SafetyMargin && source.TryReset())
        {
            s_spare = source;
            return;
        }
#endif
        source.Dispose();
    }
}
