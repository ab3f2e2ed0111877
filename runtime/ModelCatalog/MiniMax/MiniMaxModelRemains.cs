using System;

namespace ModelCatalog;

/// <summary>
/// One row of the MiniMax Coding Plan quota (<c>model_remains[]</c>). MiniMax's <c>*_usage_count</c> fields hold the
/// <b>remaining</b> count despite their name; this type names them for what they are.
/// </summary>
public sealed class MiniMaxModelRemains
{
    internal MiniMaxModelRemains(
        string modelName, long intervalTotal, long intervalRemaining, long? weeklyTotal, long? weeklyRemaining,
        DateTimeOffset? intervalStart, DateTimeOffset? intervalEnd)
    {
        ModelName = modelName;
        IntervalTotal = intervalTotal;
        IntervalRemaining = intervalRemaining;
        WeeklyTotal = weeklyTotal;
        WeeklyRemaining = weeklyRemaining;
        IntervalStart = intervalStart;
        IntervalEnd = intervalEnd;
    }

    /// <summary>The model (family) name, e.g. <c>MiniMax-M2</c>.</summary>
    public string ModelName { get; }

    /// <summary>Requests allowed in the current window (<c>current_interval_total_count</c>).</summary>
    public long IntervalTotal { get; }

    /// <summary>Requests still available in the current window (<c>current_interval_usage_count</c>, which means remaining).</summary>
    public long IntervalRemaining { get; }

    /// <summary>Requests used in the current window.</summary>
    public long IntervalUsed => Math.Max(0, IntervalTotal - IntervalRemaining);

    /// <summary>The used share of the window, 0–1 (0 when the total is 0).</summary>
    public double IntervalUsedFraction => IntervalTotal <= 0 ? 0 : (double)IntervalUsed / IntervalTotal;

    /// <summary>Requests allowed this week (<c>current_weekly_total_count</c>), when reported.</summary>
    public long? WeeklyTotal { get; }

    /// <summary>Requests still available this week (<c>current_weekly_usage_count</c>, which means remaining), when reported.</summary>
    public long? WeeklyRemaining { get; }

    /// <summary>Start of the current window, when reported.</summary>
    public DateTimeOffset? IntervalStart { get; }

    /// <summary>End of the current window, when reported.</summary>
    public DateTimeOffset? IntervalEnd { get; }

    /// <summary>"MiniMax-M2: 1200 of 1500 remaining".</summary>
    public override string ToString() => ModelName + ": " + IntervalRemaining + " of " + IntervalTotal + " remaining";
}
