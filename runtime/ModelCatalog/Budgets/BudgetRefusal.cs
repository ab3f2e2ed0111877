namespace ModelCatalog;

/// <summary>Why a budget kept one model from being tried: the budget, its spend in the current window and a readable reason.</summary>
internal sealed class BudgetRefusal
{
    public BudgetRefusal(string modelRef, SpendBudget budget, decimal spent, string reason)
    {
        ModelRef = modelRef;
        Budget = budget;
        Spent = spent;
        Reason = reason;
    }

    public string ModelRef { get; }

    public SpendBudget Budget { get; }

    public decimal Spent { get; }

    public string Reason { get; }
}
