using System;
using System.Collections.Concurrent;

namespace ModelCatalog;

/// <summary>
/// Per-client memory of failing models: a model that failed is passed over for a while, so later requests do not
/// pay for the same failure again. Keyed by canonical ref.
/// </summary>
internal sealed class ModelCooldowns
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _coolingUntil = new(StringComparer.Ordinal);
    private readonly Func<DateTimeOffset> _clock;
    private readonly TimeSpan _duration;

    // Whether any model ever failed: until then every request skips the dictionary. (ConcurrentDictionary.IsEmpty takes
    // all of its locks, which made that shortcut cost more than the lock-free lookup it was meant to save.)
    private volatile bool _anyFailed;

    public ModelCooldowns(TimeSpan duration, Func<DateTimeOffset> clock)
    {
        _duration = duration;
        _clock = clock;
    }

    public bool IsCooling(string modelRef) =>
        _anyFailed && _coolingUntil.TryGetValue(modelRef, out var until) && _clock() < until;

    public void MarkFailed(string modelRef)
    {
        if (_duration > TimeSpan.Zero)
        {
            _coolingUntil[modelRef] = _clock() + _duration;
            _anyFailed = true;
        }
    }

    public void MarkSucceeded(string modelRef)
    {
        if (_anyFailed)
        {
            _coolingUntil.TryRemove(modelRef, out _);
        }
    }
}
