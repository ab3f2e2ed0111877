using System;
using System.Collections.Generic;
using System.Text;

namespace ModelCatalog;

/// <summary>
/// Every candidate model (the requested one, then the catalog's fallbacks) was over a <see cref="SpendBudget"/>, so
/// nothing was sent. <see cref="Budget"/> and <see cref="Spent"/> name the first budget that stopped the requested
/// model; the message names each candidate's budget, its spend and its window.
/// </summary>
public class BudgetExceededException : Exception
{
    /// <summary>Creates the exception for <paramref name="budget"/>, of which <paramref name="spent"/> USD is spent in the current window.</summary>
    public BudgetExceededException(SpendBudget budget, decimal spent, string message)
        : base(message)
    {
        Budget = budget ?? throw new ArgumentNullException(nameof(budget));
        Spent = spent;
    }

    /// <summary>The budget that stopped the requested model (the first candidate).</summary>
    public SpendBudget Budget { get; }

    /// <summary>USD spent (and held by calls in flight) within <see cref="Budget"/>'s current window when the call was refused.</summary>
    public decimal Spent { get; }

    internal static BudgetExceededException From(IReadOnlyList<BudgetRefusal> refusals)
    {
        var text = new StringBuilder("Every model is over its spend budget; nothing was sent:");
        foreach (var refusal in refusals)
        {
            text.Append("\n  ").Append(refusal.ModelRef).Append(": ").Append(refusal.Reason);
        }

        text.Append("\nRaise the budget (CatalogChatClientOptions.Budgets), wait for its window to pass, or add a cheaper fallback.");
        return new BudgetExceededException(refusals[0].Budget, refusals[0].Spent, text.ToString());
    }
}
