using System;
using System.Globalization;

namespace ModelCatalog;

/// <summary>
/// A USD limit on what a <see cref="CatalogChatClient"/> spends over a time window, checked before each attempt
/// (README.md, Spend budgets). Scope: the whole client, one provider (<see cref="Provider"/>) or one model
/// (<see cref="ModelRef"/>); both set = that model, which must belong to that provider. A model over any budget
/// covering it is skipped like a cooling one; when every candidate is, the call throws
/// <see cref="BudgetExceededException"/> and sends nothing.
/// </summary>
public sealed class SpendBudget
{
    /// <summary>Creates a budget of <paramref name="limitUsd"/> USD over a rolling <paramref name="window"/>.</summary>
    /// <param name="limitUsd">The limit in USD; not negative (0 allows only calls that cost nothing).</param>
    /// <param name="window">
    /// How far back spend counts: the last <paramref name="window"/> before each attempt (rolling), or, with
    /// <see cref="CalendarDay"/>, a whole number of UTC days.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException">A negative limit, or a window that is not positive.</exception>
    public SpendBudget(decimal limitUsd, TimeSpan window)
    {
        if (limitUsd < 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(limitUsd), limitUsd, "A spend budget's limit (USD) must not be negative.");
        }

        if (window <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(window), window, "A spend budget's window must be positive.");
        }

        LimitUsd = limitUsd;
        Window = window;
    }

    /// <summary>The limit in USD.</summary>
    public decimal LimitUsd { get; }

    /// <summary>The window: rolling, or (with <see cref="CalendarDay"/>) whole UTC days.</summary>
    public TimeSpan Window { get; }

    /// <summary>
    /// Limits only the models of this provider id (case-insensitive); <c>null</c> = every provider. A provider the
    /// catalog does not have is an <see cref="ArgumentException"/> when the client is created.
    /// </summary>
    public string? Provider { get; set; }

    /// <summary>
    /// Limits only this model: a <c>provider/model</c> ref or alias, resolved when the client is created (one that names
    /// nothing throws <see cref="UnknownModelException"/> then); <c>null</c> = every model.
    /// </summary>
    [ModelRef]
    public string? ModelRef { get; set; }

    /// <summary>
    /// <c>true</c>: the window is calendar days that reset at 00:00 UTC (a <see cref="Window"/> of N days counts today
    /// and the N−1 days before it), instead of rolling. <see cref="Window"/> must then be whole days.
    /// </summary>
    public bool CalendarDay { get; set; }

    /// <summary>The scope, the limit and the window, e.g. <c>provider 'anthropic': $5.00 per calendar day (UTC)</c>.</summary>
    public override string ToString()
    {
        string scope = ModelRef is not null ? "model " + ModelRef : Provider is not null ? "provider '" + Provider + "'" : "client";
        string window = CalendarDay
            ? (Window.TotalDays == 1 ? "calendar day (UTC)" : Window.TotalDays.ToString(CultureInfo.InvariantCulture) + " calendar days (UTC)")
            : "rolling " + Window.ToString("c", CultureInfo.InvariantCulture);
        return scope + ": " + PriceText.Usd(LimitUsd) + " per " + window;
    }

    internal void Validate()
    {
        if (CalendarDay && Window.Ticks % TimeSpan.TicksPerDay != 0)
        {
            throw new ArgumentException(
                "Spend budget '" + ToString() + "' has CalendarDay set, so its window must be whole days (e.g. TimeSpan.FromDays(1)).");
        }
    }
}
