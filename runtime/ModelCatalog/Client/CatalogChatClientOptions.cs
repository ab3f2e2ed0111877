using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ModelCatalog;

/// <summary>Settings of a <see cref="CatalogChatClient"/>. The defaults are the ones README.md (Runtime client, Fallbacks) documents.</summary>
public sealed class CatalogChatClientOptions
{
    /// <summary>
    /// Reject a requested model that is not on the catalog's allowlist (<c>agents.defaults.models</c>) when it is
    /// non-empty. Fallbacks are exempt. Default <c>false</c>.
    /// </summary>
    public bool EnforceAllowlist { get; set; }

    /// <summary>Resolves <c>${NAME}</c> references in keys, base URLs and headers. Default: environment variables.</summary>
    public ISecretResolver SecretResolver { get; set; } = EnvironmentSecretResolver.Instance;

    /// <summary>How often the same model is retried after a transient failure (408/409/425/429/5xx/529). Default 2.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>
    /// The longest wait before a retry. A Retry-After beyond it is not waited for: the client moves to the next model
    /// instead. Default 10 s.
    /// </summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The first retry's backoff when the provider gives no Retry-After; it doubles per retry. Default 0.5 s.</summary>
    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long a failing model is passed over by later requests of this client. Default 30 s; zero disables.</summary>
    public TimeSpan Cooldown { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Time limit of one attempt, counted from the request's start: the whole response when not streaming; when
    /// streaming, the response headers and then the first yielded update (a stream that sends only pings or
    /// metadata still times out). Exceeding it is a <see cref="FailureReason.Timeout"/>: the model is retried
    /// (<see cref="MaxRetries"/>), then the next model is tried. Once a stream has yielded an update only
    /// <see cref="StreamIdleTimeout"/> applies. Default 5 minutes; <see cref="Timeout.InfiniteTimeSpan"/> disables it.
    /// </summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The longest silence of a stream: the time from the headers to the first SSE event and between two events
    /// (pings count as events). Exceeding it ends the attempt with a <see cref="FailureReason.Timeout"/>: before the
    /// first yielded update the model is retried and then the next one is tried; after it the call throws
    /// <see cref="ModelRequestException"/> (the caller already has output). The time the caller spends with an update
    /// is not counted. Default <c>null</c>: the same as <see cref="AttemptTimeout"/>;
    /// <see cref="Timeout.InfiniteTimeSpan"/> disables it. The caller's own cancellation always wins at once.
    /// </summary>
    public TimeSpan? StreamIdleTimeout { get; set; }

    /// <summary>
    /// Spend budgets (README.md, Spend budgets): USD limits over rolling or calendar windows, per client, provider or
    /// model ref, checked before each attempt. A model over a budget covering it is skipped (fallbacks still run); when
    /// every candidate is, the call throws <see cref="BudgetExceededException"/> and sends nothing. Empty (the default) = no limit.
    /// Read when the client is created.
    /// </summary>
    public IList<SpendBudget> Budgets { get; set; } = new List<SpendBudget>();

    /// <summary>
    /// Whether a model whose price is unknown (no <c>cost</c> in the catalog, or a synthetic model) counts as over every
    /// budget covering it: unknown is not free. Also, a priced call whose provider reports no usage then counts at its
    /// worst-case cost. <c>false</c>: such calls pass and count as $0. Default <c>true</c>; no effect without <see cref="Budgets"/>.
    /// </summary>
    public bool UnknownPriceIsOverBudget { get; set; } = true;

    /// <summary>
    /// Where the OAuth sign-ins of providers whose apiKey is the marker <c>minimax-oauth</c> (<c>minimax-portal</c>,
    /// <c>minimax-portal-cn</c>) are read and renewed tokens written (README.md, MiniMax OAuth). Default
    /// <see cref="FileOAuthTokenStore.Default"/> (<c>~/.modelcatalog/oauth</c>, where <c>modelcatalog login minimax</c>
    /// writes); <c>null</c>: only <c>${MINIMAX_OAUTH_TOKEN}</c> is used. Read when the client is created.
    /// </summary>
    public IOAuthTokenStore? OAuthTokenStore { get; set; } = FileOAuthTokenStore.Default;

    /// <summary>The clock used for cooldowns, budget windows and OAuth token expiry (tests inject a fake one). Default <see cref="DateTimeOffset.UtcNow"/>.</summary>
    public Func<DateTimeOffset> Clock { get; set; } = static () => DateTimeOffset.UtcNow;

    /// <summary>Waits between retries (tests inject an instant one). Default <see cref="Task.Delay(TimeSpan, CancellationToken)"/>.</summary>
    public Func<TimeSpan, CancellationToken, Task> Delay { get; set; } = static (delay, cancellationToken) => Task.Delay(delay, cancellationToken);

    internal CatalogChatClientOptions Validate()
    {
        if (SecretResolver is null || Clock is null || Delay is null)
        {
            throw new ArgumentException("SecretResolver, Clock and Delay must be set.");
        }

        if (Budgets is null)
        {
            throw new ArgumentException("Budgets must be set (an empty list means no budget).");
        }

        foreach (var budget in Budgets)
        {
            if (budget is null)
            {
                throw new ArgumentException("Budgets must not contain null.");
            }

            budget.Validate();
        }

        if (MaxRetries < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRetries), MaxRetries, "Must not be negative.");
        }

        ValidateTimeout(nameof(AttemptTimeout), AttemptTimeout);
        if (StreamIdleTimeout is { } idle)
        {
            ValidateTimeout(nameof(StreamIdleTimeout), idle);
        }

        return this;
    }

    // CancellationTokenSource.CancelAfter takes at most int.MaxValue milliseconds (about 24.8 days).
    private static void ValidateTimeout(string name, TimeSpan value)
    {
        if (value != Timeout.InfiniteTimeSpan && (value <= TimeSpan.Zero || value.TotalMilliseconds > int.MaxValue))
        {
            throw new ArgumentOutOfRangeException(name, value, "Must be positive and at most 24 days, or Timeout.InfiniteTimeSpan.");
        }
    }
}
