namespace ModelCatalog.Runtime.Tests.Catalogs;

public sealed class CatalogAndCostTests
{
    private static Catalog Build() => Catalog.CreateBuilder()
        .AddProvider("minimax", "https://api.minimax.io/anthropic", ModelApi.AnthropicMessages, "${MINIMAX_API_KEY}", authHeader: true)
        .AddModel("minimax", "MiniMax-M2.1", cost: new ModelCost(0.3m, 1.2m, 0.03m, 0.375m), contextWindow: 204_800, maxTokens: 131_072)
        .AddModel("minimax", "MiniMax-M2.1-lightning", cost: new ModelCost(0.3m, 2.4m, 0.03m, 0.375m))
        .AddProvider("anthropic", "https://api.anthropic.com", ModelApi.AnthropicMessages, "${ANTHROPIC_API_KEY}")
        .AddModel("anthropic", "claude-opus-4-6")
        .AddAlias("minimax", "minimax/MiniMax-M2.1")
        .SetPrimary("minimax")
        .AddFallback("anthropic/claude-opus-4-6")
        .Build();

    [Fact]
    public void Resolve_matches_provider_ignoring_case_model_id_exactly_and_aliases_ignoring_case()
    {
        var catalog = Build();

        Assert.Equal("minimax/MiniMax-M2.1", catalog.Resolve("MiniMax/MiniMax-M2.1").Ref);
        Assert.Equal("minimax/MiniMax-M2.1", catalog.Resolve("MINIMAX").Ref);
        Assert.Equal("minimax/MiniMax-M2.1", catalog.Primary);
        Assert.Equal(["anthropic/claude-opus-4-6"], catalog.Fallbacks);
        Assert.True(catalog.TryResolve("anthropic/claude-opus-4-6", out var model));
        Assert.Equal("claude-opus-4-6", model.Id);
        Assert.False(catalog.TryResolve("minimax/minimax-m2.1", out _));
        Assert.Throws<UnknownModelException>(() => catalog.Resolve("minimax/minimax-m2.1"));
    }

    [Fact]
    public void Explain_says_why_and_how_to_fix()
    {
        var catalog = Build();

        Assert.Equal(
            "Unknown model: minimax/minimax-m2.1. Model ids are case-sensitive: the catalog spells it 'minimax/MiniMax-M2.1'. Use that spelling, or the generated ModelIds constant.",
            catalog.Explain("minimax/minimax-m2.1").Message);
        var unknownModel = catalog.Explain("minimax/MiniMax-M2.2");
        Assert.Equal(UnknownModelReason.UnknownModel, unknownModel.Reason);
        Assert.Equal("minimax/MiniMax-M2.1", unknownModel.Suggestion);
        Assert.Contains("Add it to models.providers.minimax.models in models.yaml", unknownModel.Message);
        var unknownProvider = catalog.Explain("anthropc/claude-opus-4-6");
        Assert.Equal(UnknownModelReason.UnknownProvider, unknownProvider.Reason);
        Assert.Equal("Unknown model: anthropc/claude-opus-4-6. The catalog has no provider 'anthropc' (did you mean 'anthropic'?). " +
            "Fix the provider, or add models.providers.anthropc to models.yaml.", unknownProvider.Message);
        Assert.Equal(UnknownModelReason.UnknownAlias, catalog.Explain("minimx").Reason);
    }

    [Theory]
    [InlineData(21, 393, 0, 188_086, 0.3, 1.2, 0.03, 0.375, "0.07101015")] // A1 MiniMax cache write
    [InlineData(21, 393, 188_086, 0, 0.3, 1.2, 0.03, 0.375, "0.00612048")] // A2 MiniMax cache hit
    [InlineData(86, 300, 1920, 0, 1.25, 10, 0.125, 0, "0.0033475")] // O1 OpenAI with cache
    [InlineData(2006, 300, 1920, 0, 1.25, 10, 0.125, 0, "0.0057475")] // O1 wrong: cached not subtracted (and billed twice)
    [InlineData(86, 364, 1920, 0, 1.25, 10, 0.125, 0, "0.0039875")] // O1 wrong: reasoning added again
    public void Compute_matches_the_worked_values_to_the_cent_and_beyond(
        long uncached, long output, long cacheRead, long cacheWrite, double input, double outputPrice, double read, double write, string expected)
    {
        var cost = new ModelCost((decimal)input, (decimal)outputPrice, (decimal)read, (decimal)write);

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), cost.Compute(uncached, output, cacheRead, cacheWrite));
    }

    [Fact]
    public void Unknown_price_computes_to_null_and_free_to_zero()
    {
        Assert.Null(ModelCost.Unknown.Compute(100, 100));
        Assert.Equal(0m, ModelCost.Free.Compute(100, 100));
        Assert.Equal("price unknown", ModelCost.Unknown.ToString());
        Assert.Equal("$0.30 in / $1.20 out / $0.03 cache read / $0.375 cache write per 1M tokens", new ModelCost(0.3m, 1.2m, 0.03m, 0.375m).ToString());
    }

    [Theory]
    [InlineData("0.000003", "$0.000003")]
    [InlineData("0.0000003", "$0.0000003")]
    [InlineData("0.00000375", "$0.00000375")]
    [InlineData("0.3", "$0.30")]
    [InlineData("15", "$15.00")]
    [InlineData("1.23456", "$1.23456")]
    [InlineData("0.049999999999999996", "$0.05")]
    [InlineData("1234.5678", "$1234.57")]
    [InlineData("0", "$0.00")]
    public void Prices_show_at_least_two_decimals_and_up_to_six_significant_digits_never_zero_for_a_non_zero_price(string value, string expected)
    {
        var price = decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(expected + " in / " + expected + " out per 1M tokens", new ModelCost(price, price).ToString());
    }

    [Fact]
    public void Ledger_totals_use_the_same_price_text()
    {
        var ledger = new CostLedger();
        ledger.Record("acme/m", new UsageDetails { InputTokenCount = 1_000_000, OutputTokenCount = 100_000 }, 0.0000045m);

        Assert.Equal("CostLedger: 1 calls, $0.0000045 priced, 0 unpriced", ledger.ToString());
    }

    [Fact]
    public void Resolve_and_Compute_allocate_nothing()
    {
        var catalog = Build();
        var cost = new ModelCost(0.3m, 1.2m, 0.03m, 0.375m);
        var byRef = "MiniMax/MiniMax-M2.1";
        var byAlias = "minimax";
        decimal sink = 0;
        for (int i = 0; i < 10; i++)
        {
            catalog.Resolve(byRef);
            catalog.TryResolve(byAlias, out _);
            sink += cost.Compute(21, 393, 188_086, 0) ?? 0;
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10_000; i++)
        {
            catalog.Resolve(byRef);
            catalog.TryResolve(byAlias, out _);
            sink += cost.Compute(21, 393, 188_086, i) ?? 0;
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.True(sink > 0);
    }

    [Fact]
    public void Builder_applies_the_models_yaml_rules()
    {
        var builder = Catalog.CreateBuilder().AddProvider("Acme", "https://acme.example/v1", ModelApi.OpenAICompletions, "${ACME_KEY}");
        Assert.Throws<ArgumentException>(() => builder.AddProvider("acme", "https://x", ModelApi.OpenAICompletions)); // case-insensitive duplicate
        Assert.Throws<ArgumentException>(() => builder.AddProvider("a/b", "https://x", ModelApi.OpenAICompletions));
        Assert.Throws<ArgumentException>(() => builder.AddModel("nope", "m"));
        builder.AddModel("acme", "small", contextWindow: 4096).AddModel("acme", "big", maxTokens: 300_000).AddModel("acme", "Small");
        Assert.Throws<ArgumentException>(() => builder.AddModel("ACME", "small")); // ids unique per provider, case-sensitive
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.AddModel("acme", "zero", contextWindow: 0));
        Assert.Throws<ArgumentException>(() => builder.AddAlias("a/b", "acme/small"));
        builder.AddAlias("tiny", "Acme/small");
        Assert.Throws<ArgumentException>(() => builder.AddAlias("TINY", "acme/big"));

        var catalog = builder.Build();

        var small = catalog.Resolve("acme/small");
        Assert.Equal("Acme/small", small.Ref);
        Assert.Equal("small", small.Name);
        Assert.Equal(4096, small.MaxTokens); // min(8192, contextWindow)
        Assert.Equal(200_000, catalog.Resolve("acme/big").MaxTokens); // clamped to the default window
        Assert.Equal(8192, catalog.Resolve("acme/Small").MaxTokens);
        Assert.False(catalog.Resolve("acme/big").Cost.IsKnown);
        Assert.Equal("Acme/small", catalog.Aliases["TINY"]);
        Assert.Throws<UnknownModelException>(() => Catalog.CreateBuilder().AddProvider("p", "https://x", ModelApi.OpenAIResponses).AddModel("p", "m").SetPrimary("p/n").Build());
        Assert.Throws<UnknownModelException>(() => Catalog.CreateBuilder().AddProvider("p", "https://x", ModelApi.OpenAIResponses).AddModel("p", "m").AddFallback("q/m").Build());
    }
}
