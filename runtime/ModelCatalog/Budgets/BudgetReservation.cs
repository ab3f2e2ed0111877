using System.Collections.Generic;
using System.Threading;

namespace ModelCatalog;

/// <summary>
/// The worst-case cost one attempt holds in its budgets while in flight. <see cref="Complete"/> replaces it with the
/// real cost; <see cref="Release"/> (a failed or abandoned attempt) frees it. Only the first of the two counts.
/// </summary>
internal sealed class BudgetReservation
{
    private readonly BudgetTracker _tracker;
    private readonly List<BudgetTracker.BudgetWindow> _windows;
    private readonly decimal _amount;
    private readonly bool _unknownCountsAsReserved;
    private int _settled;

    public BudgetReservation(BudgetTracker tracker, List<BudgetTracker.BudgetWindow> windows, decimal amount, bool unknownCountsAsReserved)
    {
        _tracker = tracker;
        _windows = windows;
        _amount = amount;
        _unknownCountsAsReserved = unknownCountsAsReserved;
    }

    /// <summary>The call succeeded and cost <paramref name="cost"/> USD (<c>null</c>: unknown, e.g. no usage reported).</summary>
    public void Complete(decimal? cost) => Settle(cost ?? (_unknownCountsAsReserved ? _amount : 0m));

    /// <summary>The attempt failed or was abandoned: nothing is counted (a failed call is not billed).</summary>
    public void Release() => Settle(0m);

    private void Settle(decimal spent)
    {
        if (Interlocked.Exchange(ref _settled, 1) != 0)
        {
            return;
        }

        _tracker.Settle(_windows, _amount, spent);
    }
}
