using System.Text.Json;
using Microsoft.AspNetCore.Http;
using ModelCatalog.Runtime.Tests.Infrastructure;
using static ModelCatalog.Runtime.Tests.Infrastructure.TestSupport;

namespace ModelCatalog.Runtime.Tests.Budgets;

/// <summary>
/// Spend budgets against the loopback server. Prices are chosen so one call costs exactly $1: output $1000 per 1M
/// tokens, input free, and the server reports as many output tokens as the request's max_tokens (1000), so the
/// worst case the client holds in flight equals the real cost.
/// </summary>
public sealed class SpendBudgetTests
{
    private static readonly ModelCost OneDollarPerCall = new(0m, 1000m);

    // Anthropic answer billing exactly the max_tokens the request asked for.
    private static Task AnswerAtMaxTokens(HttpContext context, RecordedRequest request)
    {
        int maxTokens = request.Json.GetProperty("max_tokens").GetInt32();
        return context.Json("""{"id":"msg_1","model":"claude-x","content":[{"type":"text","text":"ok"}],"stop_reason":"end_turn","usage":{"input_tokens":7,"output_tokens":""" +
            maxTokens + "}}");
    }

    private static Catalog Models(string baseUrl, ModelCost? primaryCost = null) => Catalog.CreateBuilder()
        .AddProvider("a", baseUrl + "/a", ModelApi.AnthropicMessages, "${ANTHROPIC_API_KEY}")
        .AddModel("a", "one", cost: primaryCost ?? OneDollarPerCall, maxTokens: 1000)
        .AddModel("a", "two", cost: OneDollarPerCall, maxTokens: 1000)
        .AddProvider("b", baseUrl + "/b", ModelApi.AnthropicMessages, "${ANTHROPIC_API_KEY}")
        .AddModel("b", "cheap", cost: OneDollarPerCall, maxTokens: 1000)
        .AddAlias("main", "a/one")
        .SetPrimary("a/one").AddFallback("b/cheap").Build();

    private static CatalogChatClientOptions WithBudgets(FakeClock clock, params SpendBudget[] budgets)
    {
        var options = Options(clock: clock);
        options.MaxRetries = 0;
        foreach (var budget in budgets)
        {
            options.Budgets.Add(budget);
        }

        return options;
    }

    [Fact]
    public async Task A_client_budget_refuses_the_call_that_would_pass_the_limit_and_sends_nothing()
    {
        await using var server = await FakeProviderServer.StartAsync(AnswerAtMaxTokens);
        var clock = new FakeClock();
        var budget = new SpendBudget(3m, TimeSpan.FromHours(1));
        using var client = new CatalogChatClient(Models(server.BaseUrl), options: WithBudgets(clock, budget));

        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(1m, (await client.GetResponseAsync("hi")).GetCost());
        }

        var refused = await Assert.ThrowsAsync<BudgetExceededException>(() => client.GetResponseAsync("hi"));
        Assert.Same(budget, refused.Budget);
        Assert.Equal(3m, refused.Spent);
        Assert.Equal(
            "Every model is over its spend budget; nothing was sent:\n" +
            "  a/one: over client: $3.00 per rolling 01:00:00: $3.00 spent in this window, this call may cost up to $1.00\n" +
            "  b/cheap: over client: $3.00 per rolling 01:00:00: $3.00 spent in this window, this call may cost up to $1.00\n" +
            "Raise the budget (CatalogChatClientOptions.Budgets), wait for its window to pass, or add a cheaper fallback.",
            refused.Message);
        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(3m, client.Ledger.PricedCost);
    }

    [Fact]
    public async Task A_rolling_window_lets_spend_expire_one_window_later()
    {
        await using var server = await FakeProviderServer.StartAsync(AnswerAtMaxTokens);
        var clock = new FakeClock();
        using var client = new CatalogChatClient(Models(server.BaseUrl), options: WithBudgets(clock, new SpendBudget(2m, TimeSpan.FromHours(1))));

        await client.GetResponseAsync("1");
        clock.Advance(TimeSpan.FromMinutes(30));
        await client.GetResponseAsync("2");
        clock.Advance(TimeSpan.FromMinutes(29));
        await Assert.ThrowsAsync<BudgetExceededException>(() => client.GetResponseAsync("3"));

        // 61 minutes after the first call it has left the window; the second (31 minutes old) still counts.
        clock.Advance(TimeSpan.FromMinutes(2));
        await client.GetResponseAsync("4");
        await Assert.ThrowsAsync<BudgetExceededException>(() => client.GetResponseAsync("5"));
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task A_calendar_day_budget_resets_at_midnight_UTC()
    {
        await using var server = await FakeProviderServer.StartAsync(AnswerAtMaxTokens);
        var clock = new FakeClock { Now = new DateTimeOffset(2026, 3, 9, 23, 0, 0, TimeSpan.Zero) };
        var budget = new SpendBudget(2m, TimeSpan.FromDays(1)) { CalendarDay = true };
        using var client = new CatalogChatClient(Models(server.BaseUrl), options: WithBudgets(clock, budget));

        await client.GetResponseAsync("1");
        await client.GetResponseAsync("2");
        var refused = await Assert.ThrowsAsync<BudgetExceededException>(() => client.GetResponseAsync("3"));
        Assert.Contains("over client: $2.00 per calendar day (UTC): $2.00 spent in this window, this call may cost up to $1.00 (resets at 00:00 UTC)", refused.Message, StringComparison.Ordinal);

        clock.Now = new DateTimeOffset(2026, 3, 9, 23, 59, 59, TimeSpan.Zero);
        await Assert.ThrowsAsync<BudgetExceededException>(() => client.GetResponseAsync("4"));
        clock.Now = new DateTimeOffset(2026, 3, 10, 0, 0, 0, TimeSpan.Zero);
        await client.GetResponseAsync("5");
        await client.GetResponseAsync("6");
        await Assert.ThrowsAsync<BudgetExceededException>(() => client.GetResponseAsync("7"));
        Assert.Equal(4, server.Requests.Count);
    }

    [Fact]
    public void A_calendar_budget_needs_whole_days()
    {
        var options = new CatalogChatClientOptions();
        options.Budgets.Add(new SpendBudget(1m, TimeSpan.FromHours(12)) { CalendarDay = true });
        var error = Assert.Throws<ArgumentException>(() => new CatalogChatClient(Models("http://127.0.0.1:9"), options: options));
        Assert.Equal(
            "Spend budget 'client: $1.00 per 0.5 calendar days (UTC)' has CalendarDay set, so its window must be whole days (e.g. TimeSpan.FromDays(1)).",
            error.Message);
    }

    [Fact]
    public async Task A_provider_budget_skips_its_models_and_the_fallback_still_runs()
    {
        await using var server = await FakeProviderServer.StartAsync(AnswerAtMaxTokens);
        var clock = new FakeClock();
        using var client = new CatalogChatClient(Models(server.BaseUrl),
            options: WithBudgets(clock, new SpendBudget(1m, TimeSpan.FromDays(1)) { Provider = "A" }));

        Assert.Equal("a/one", (await client.GetResponseAsync("1")).ModelId);
        Assert.Equal("b/cheap", (await client.GetResponseAsync("2")).ModelId);
        Assert.Equal("b/cheap", (await client.GetResponseAsync("3", new ChatOptions { ModelId = "a/two" })).ModelId);
        Assert.Equal(1, server.CountFor("/a/"));
        Assert.Equal(2, server.CountFor("/b/"));
    }

    [Fact]
    public async Task A_model_budget_named_by_alias_limits_only_that_model()
    {
        await using var server = await FakeProviderServer.StartAsync(AnswerAtMaxTokens);
        var clock = new FakeClock();
        using var client = new CatalogChatClient(Models(server.BaseUrl),
            options: WithBudgets(clock, new SpendBudget(1m, TimeSpan.FromDays(1)) { ModelRef = "main" }));

        Assert.Equal("a/one", (await client.GetResponseAsync("1")).ModelId);
        Assert.Equal("b/cheap", (await client.GetResponseAsync("2")).ModelId);
        Assert.Equal("a/two", (await client.GetResponseAsync("3", new ChatOptions { ModelId = "a/two" })).ModelId);
        Assert.Equal(1, server.Requests.Count(r => r.Json.GetProperty("model").GetString() == "one"));
    }

    [Fact]
    public void A_budget_scope_naming_nothing_fails_when_the_client_is_created()
    {
        var unknownModel = new CatalogChatClientOptions();
        unknownModel.Budgets.Add(new SpendBudget(1m, TimeSpan.FromDays(1)) { ModelRef = "nowhere/model" });
        Assert.Throws<UnknownModelException>(() => new CatalogChatClient(Models("http://127.0.0.1:9"), options: unknownModel));

        var unknownProvider = new CatalogChatClientOptions();
        unknownProvider.Budgets.Add(new SpendBudget(1m, TimeSpan.FromDays(1)) { Provider = "c" });
        Assert.Equal("Spend budget 'provider 'c': $1.00 per rolling 1.00:00:00' names provider 'c', which the catalog does not have.",
            Assert.Throws<ArgumentException>(() => new CatalogChatClient(Models("http://127.0.0.1:9"), options: unknownProvider)).Message);

        var apart = new CatalogChatClientOptions();
        apart.Budgets.Add(new SpendBudget(1m, TimeSpan.FromDays(1)) { Provider = "b", ModelRef = "main" });
        Assert.Equal("Spend budget 'model main: $1.00 per rolling 1.00:00:00' names model a/one and provider 'b', which never meet: set only one of ModelRef and Provider.",
            Assert.Throws<ArgumentException>(() => new CatalogChatClient(Models("http://127.0.0.1:9"), options: apart)).Message);
    }

    [Fact]
    public async Task Changing_a_budget_after_the_client_is_created_changes_nothing()
    {
        await using var server = await FakeProviderServer.StartAsync(AnswerAtMaxTokens);
        var budget = new SpendBudget(1m, TimeSpan.FromDays(1)) { Provider = "a" };
        using var client = new CatalogChatClient(Models(server.BaseUrl), options: WithBudgets(new FakeClock(), budget));
        budget.Provider = "b";

        Assert.Equal("a/one", (await client.GetResponseAsync("1")).ModelId);
        Assert.Equal("b/cheap", (await client.GetResponseAsync("2")).ModelId);
    }

    [Fact]
    public async Task Over_budget_after_a_failure_reports_every_attempt_as_a_failover()
    {
        await using var server = await FakeProviderServer.StartAsync((context, request) =>
            request.Path.StartsWith("/a/", StringComparison.Ordinal) ? context.Json("{}", 503) : AnswerAtMaxTokens(context, request));
        var clock = new FakeClock();
        using var client = new CatalogChatClient(Models(server.BaseUrl),
            options: WithBudgets(clock, new SpendBudget(0.5m, TimeSpan.FromDays(1)) { Provider = "b" }));

        var failure = await Assert.ThrowsAsync<ModelFailoverException>(() => client.GetResponseAsync("hi"));
        Assert.Collection(failure.Attempts,
            a => Assert.Equal(("a/one", FailureReason.ServerError), (a.ModelRef, a.Reason)),
            a => Assert.Equal(("b/cheap", FailureReason.Skipped), (a.ModelRef, a.Reason)));
        Assert.StartsWith("over provider 'b': $0.50 per rolling 1.00:00:00", failure.Attempts[1].Message, StringComparison.Ordinal);
        Assert.Equal(0, server.CountFor("/b/"));
    }

    [Fact]
    public async Task An_unknown_price_is_over_budget_by_default_and_nothing_is_sent()
    {
        await using var server = await FakeProviderServer.StartAsync(AnswerAtMaxTokens);
        var catalog = Catalog.CreateBuilder()
            .AddProvider("a", server.BaseUrl + "/a", ModelApi.AnthropicMessages, "${ANTHROPIC_API_KEY}").AddModel("a", "unpriced")
            .SetPrimary("a/unpriced").Build();
        var budget = new SpendBudget(100m, TimeSpan.FromDays(1));
        using var client = new CatalogChatClient(catalog, options: WithBudgets(new FakeClock(), budget));

        var refused = await Assert.ThrowsAsync<BudgetExceededException>(() => client.GetResponseAsync("hi"));
        Assert.Same(budget, refused.Budget);
        Assert.Equal(0m, refused.Spent);
        Assert.Contains(
            "a/unpriced: the price is unknown, which counts as over client: $100.00 per rolling 1.00:00:00 (CatalogChatClientOptions.UnknownPriceIsOverBudget); $0.00 spent in this window",
            refused.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task An_unknown_price_falls_back_to_a_priced_model_or_passes_as_free_when_configured()
    {
        await using var server = await FakeProviderServer.StartAsync(AnswerAtMaxTokens);
        var catalog = Models(server.BaseUrl, primaryCost: ModelCost.Unknown);
        var strict = new CatalogChatClient(catalog, options: WithBudgets(new FakeClock(), new SpendBudget(1m, TimeSpan.FromDays(1))));
        using (strict)
        {
            Assert.Equal("b/cheap", (await strict.GetResponseAsync("1")).ModelId);
        }

        var lenientOptions = WithBudgets(new FakeClock(), new SpendBudget(1m, TimeSpan.FromDays(1)));
        lenientOptions.UnknownPriceIsOverBudget = false;
        using var lenient = new CatalogChatClient(catalog, options: lenientOptions);
        for (int i = 0; i < 3; i++)
        {
            var response = await lenient.GetResponseAsync("free " + i);
            Assert.Equal("a/one", response.ModelId);
            Assert.Null(response.GetCost());
        }

        // Unknown counted as $0: the $1 budget is still whole for one priced call, and then spent.
        Assert.Equal(1m, (await lenient.GetResponseAsync("x", new ChatOptions { ModelId = "a/two" })).GetCost());
        var refused = await Assert.ThrowsAsync<BudgetExceededException>(() => lenient.GetResponseAsync("y", new ChatOptions { ModelId = "a/two" }));
        Assert.Equal(1m, refused.Spent);
        Assert.Equal(3, server.Requests.Count(r => r.Json.GetProperty("model").GetString() == "one"));
    }

    [Fact]
    public async Task A_priced_call_without_usage_counts_at_its_worst_case_by_default()
    {
        await using var server = await FakeProviderServer.StartAsync((context, _) =>
            context.Json("""{"id":"msg_1","model":"claude-x","content":[{"type":"text","text":"ok"}],"stop_reason":"end_turn"}"""));
        using var client = new CatalogChatClient(Models(server.BaseUrl), options: WithBudgets(new FakeClock(), new SpendBudget(1.5m, TimeSpan.FromDays(1))));

        Assert.Null((await client.GetResponseAsync("1")).GetCost());
        var refused = await Assert.ThrowsAsync<BudgetExceededException>(() => client.GetResponseAsync("2"));
        Assert.Equal(1m, refused.Spent); // unknown is not free: the call kept its worst case, 1000 tokens at $1000 per 1M
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_stream_holds_its_worst_case_until_it_ends_and_then_counts_its_real_cost()
    {
        await using var server = await FakeProviderServer.StartAsync((context, _) => context.Sse(
            ("message_start", """{"type":"message_start","message":{"id":"msg_1","model":"claude-x","content":[],"usage":{"input_tokens":7,"output_tokens":0}}}"""),
            ("content_block_start", """{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}"""),
            ("content_block_delta", """{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"ok"}}"""),
            ("content_block_stop", """{"type":"content_block_stop","index":0}"""),
            ("message_delta", """{"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":400}}"""),
            ("message_stop", """{"type":"message_stop"}""")));
        using var client = new CatalogChatClient(Models(server.BaseUrl), options: WithBudgets(new FakeClock(), new SpendBudget(1.5m, TimeSpan.FromDays(1))));

        // While the first stream is open it holds $1 (1000 max tokens): a second call would pass $1.50.
        await using (var first = client.GetStreamingResponseAsync("1").GetAsyncEnumerator())
        {
            Assert.True(await first.MoveNextAsync());
            await Assert.ThrowsAsync<BudgetExceededException>(() => client.GetResponseAsync("2"));
            while (await first.MoveNextAsync())
            {
            }
        }

        // Ended: $0.40 spent, so one more stream fits ($0.40 + $1 worst case ≤ $1.50), and then none ($0.80 + $1).
        Assert.Equal(0.4m, client.Ledger.PricedCost);
        var second = await CollectAsync(client.GetStreamingResponseAsync("3"));
        Assert.Equal(0.4m, second[^1].GetCost());
        await Assert.ThrowsAsync<BudgetExceededException>(async () => await CollectAsync(client.GetStreamingResponseAsync("4")));
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task A_thousand_concurrent_calls_spend_exactly_the_limit()
    {
        await using var server = await FakeProviderServer.StartAsync(async (context, request) =>
        {
            await Task.Delay(20);
            await AnswerAtMaxTokens(context, request);
        });
        var catalog = Catalog.CreateBuilder()
            .AddProvider("a", server.BaseUrl + "/a", ModelApi.AnthropicMessages, "${ANTHROPIC_API_KEY}")
            .AddModel("a", "one", cost: OneDollarPerCall, maxTokens: 1000).SetPrimary("a/one").Build();
        var budget = new SpendBudget(250m, TimeSpan.FromDays(1));
        using var client = new CatalogChatClient(catalog, options: WithBudgets(new FakeClock(), budget));

        var calls = Enumerable.Range(0, 1000).Select(i => Task.Run(async () =>
        {
            try
            {
                return (await client.GetResponseAsync("call " + i)).GetCost();
            }
            catch (BudgetExceededException)
            {
                return (decimal?)null;
            }
        }));
        var results = await Task.WhenAll(calls);

        Assert.Equal(250, results.Count(r => r == 1m));
        Assert.Equal(750, results.Count(r => r is null));
        Assert.Equal(250, server.Requests.Count);
        Assert.Equal(250m, client.Ledger.PricedCost);
        Assert.Equal(250, client.Ledger.Calls);
        var after = await Assert.ThrowsAsync<BudgetExceededException>(() => client.GetResponseAsync("one more"));
        Assert.Equal(250m, after.Spent);
    }

    [Fact]
    public async Task A_thousand_concurrent_calls_cheaper_than_their_worst_case_never_pass_the_limit()
    {
        await using var server = await FakeProviderServer.StartAsync(async (context, _) =>
        {
            await Task.Delay(5);
            await context.Json("""{"id":"msg_1","model":"claude-x","content":[{"type":"text","text":"ok"}],"stop_reason":"end_turn","usage":{"input_tokens":7,"output_tokens":300}}""");
        });
        var catalog = Catalog.CreateBuilder()
            .AddProvider("a", server.BaseUrl + "/a", ModelApi.AnthropicMessages, "${ANTHROPIC_API_KEY}")
            .AddModel("a", "one", cost: OneDollarPerCall, maxTokens: 1000).SetPrimary("a/one").Build();
        using var client = new CatalogChatClient(catalog, options: WithBudgets(new FakeClock(), new SpendBudget(100m, TimeSpan.FromDays(1))));

        var results = await Task.WhenAll(Enumerable.Range(0, 1000).Select(i => Task.Run(async () =>
        {
            try
            {
                return (await client.GetResponseAsync("call " + i)).GetCost();
            }
            catch (BudgetExceededException)
            {
                return (decimal?)null;
            }
        })));

        int succeeded = results.Count(r => r == 0.3m);
        Assert.Equal(1000, succeeded + results.Count(r => r is null));
        Assert.Equal(succeeded, server.Requests.Count);
        Assert.Equal(0.3m * succeeded, client.Ledger.PricedCost);
        Assert.True(client.Ledger.PricedCost <= 100m, "spent " + client.Ledger.PricedCost);

        // At least the calls whose $1 worst cases fit side by side were admitted.
        Assert.True(succeeded >= 100, "only " + succeeded + " admitted");
    }
}
