// Explicit usings: the CLI tests link this file.
using System;
using System.Collections.Generic;
using System.Threading;

namespace ModelCatalog.Runtime.Tests.Infrastructure;

/// <summary>
/// A clock whose timers fire at once, after moving the clock forward by their due time: a wait of 2 s takes no real
/// time but advances <see cref="GetUtcNow"/> by exactly 2 s, so poll intervals are asserted exactly and tests stay fast.
/// </summary>
public sealed class SteppingTimeProvider : TimeProvider
{
    private readonly object _gate = new();
    private readonly List<TimeSpan> _waits = new();
    private DateTimeOffset _now;

    public SteppingTimeProvider(DateTimeOffset start) => _now = start;

    /// <summary>Every timer due time requested, in order.</summary>
    public IReadOnlyList<TimeSpan> Waits { get { lock (_gate) { return _waits.ToArray(); } } }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (_gate)
        {
            _now += by;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        lock (_gate)
        {
            _waits.Add(dueTime);
            _now += dueTime;
        }

        ThreadPool.QueueUserWorkItem(_ => callback(state));
        return new FiredTimer();
    }

    private sealed class FiredTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => false;

        public void Dispose()
        {
        }

        public System.Threading.Tasks.ValueTask DisposeAsync() => default;
    }
}
