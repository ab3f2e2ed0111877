using System;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace ModelCatalog.Runtime.Tests.Client;

/// <summary>
/// The per-attempt timeout of non-streaming calls (<see cref="CatalogChatClientOptions.AttemptTimeout"/>), whose source is
/// reused between attempts: a reused source must never carry an earlier attempt's cancellation.
/// </summary>
public sealed class AttemptTimerTests
{
    [Fact]
    public void Infinite_timeout_uses_the_callers_token_itself()
    {
        using var caller = new CancellationTokenSource();
        using var timer = AttemptTimer.Start(Timeout.InfiniteTimeSpan, caller.Token);

        Assert.Equal(caller.Token, timer.Token);
    }

    [Fact]
    public async Task Timeout_cancels_the_token()
    {
        using var timer = AttemptTimer.Start(TimeSpan.FromMilliseconds(50), CancellationToken.None);

        await Task.Delay(Timeout.Infinite, timer.Token).ContinueWith(_ => { }, TaskScheduler.Default).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(timer.Token.IsCancellationRequested);
    }

    [Fact]
    public void Caller_cancellation_cancels_the_token_and_is_not_carried_into_the_next_attempt()
    {
        using var caller = new CancellationTokenSource();
        var first = AttemptTimer.Start(TimeSpan.FromMinutes(5), caller.Token);
        caller.Cancel();
        Assert.True(first.Token.IsCancellationRequested);
        first.Dispose();

        using var next = AttemptTimer.Start(TimeSpan.FromMinutes(5), CancellationToken.None);
        Assert.False(next.Token.IsCancellationRequested);
    }

    [Fact]
    public void Already_cancelled_caller_token_cancels_at_once()
    {
        using var timer = AttemptTimer.Start(TimeSpan.FromMinutes(5), new CancellationToken(canceled: true));

        Assert.True(timer.Token.IsCancellationRequested);
    }

    [Fact]
    public void A_finished_attempt_leaves_the_caller_token_unlinked()
    {
        using var caller = new CancellationTokenSource();
        var first = AttemptTimer.Start(TimeSpan.FromMinutes(5), caller.Token);
        first.Dispose();

        // The source may be reused by the next attempt: the first caller's later cancellation must not reach it.
        using var next = AttemptTimer.Start(TimeSpan.FromMinutes(5), CancellationToken.None);
        caller.Cancel();
        Assert.False(next.Token.IsCancellationRequested);
    }
}
