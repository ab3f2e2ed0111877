using System;

namespace ModelCatalog;

/// <summary>
/// Internal signal from the attempt to the failover loop: a budget refused the model before anything was sent. Never
/// reaches the caller (the loop turns it into a skipped attempt or a <see cref="BudgetExceededException"/>).
/// </summary>
internal sealed class OverBudgetException : Exception
{
    public OverBudgetException(BudgetRefusal refusal)
        : base(refusal.ModelRef + ": " + refusal.Reason)
    {
        Refusal = refusal;
    }

    public BudgetRefusal Refusal { get; }
}
