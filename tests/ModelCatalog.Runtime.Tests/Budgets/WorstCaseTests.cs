namespace ModelCatalog.Runtime.Tests.Budgets;

public sealed class WorstCaseTests
{
    [Fact]
    public void The_worst_case_bills_every_request_byte_at_the_dearest_input_price_plus_the_max_output()
    {
        // Anthropic-style prices: a cache write ($3.75) is dearer than plain input ($3): 1000 bytes × 3.75 + 2000 × 15, per 1M.
        Assert.Equal(0.03375m, BudgetTracker.WorstCase(new ModelCost(3m, 15m, 0.3m, 3.75m), 1000, 2000));
        Assert.Equal(0.033m, BudgetTracker.WorstCase(new ModelCost(3m, 15m, 0.3m), 1000, 2000));
        Assert.Null(BudgetTracker.WorstCase(ModelCost.Unknown, 1000, 2000));
    }
}
