using System;
using System.Collections.Generic;
using System.Globalization;

namespace ModelCatalog;

/// <summary>
/// The failover state of one request: the candidate order (requested model, then fallbacks; cooling models last),
/// the attempts so far, and the rules that rule later candidates out (a provider whose key failed, a context window
/// that is not larger than one that overflowed). Not thread-safe: one per request.
/// </summary>
internal sealed class FailoverSession
{
    private readonly List<ModelInfo> _candidates;
    private readonly ModelCooldowns _cooldowns;
    private readonly CatalogChatClientOptions _options;
    private Dictionary<string, string>? _skippedProviders; // created by the first provider-wide failure
    private int _next;
    private int _overflowedWindow;
    private string? _overflowedRef;
    private List<BudgetRefusal>? _budgetRefusals;
    private List<FailoverAttempt>? _attempts;

    public FailoverSession(List<ModelInfo> candidates, ModelCooldowns cooldowns, CatalogChatClientOptions options)
    {
        _cooldowns = cooldowns;
        _options = options;
        _candidates = OrderByCooldown(candidates, cooldowns);
    }

    /// <summary>The attempts so far; created by the first one, since most requests succeed at once and never read it.</summary>
    public List<FailoverAttempt> Attempts => _attempts ??= new List<FailoverAttempt>();

    /// <summary>The next candidate worth trying; records the ones ruled out as <see cref="FailureReason.Skipped"/>.</summary>
    public bool TryNext(out ModelInfo model)
    {
        while (_next < _candidates.Count)
        {
            var candidate = _candidates[_next++];
            if (_skippedProviders is not null && _skippedProviders.TryGetValue(candidate.Provider, out var why))
            {
                AddSkipped(candidate, why);
                continue;
            }

            if (_overflowedRef is not null && candidate.ContextWindow <= _overflowedWindow)
            {
                AddSkipped(candidate,
                    "context window " + candidate.ContextWindow.ToString(CultureInfo.InvariantCulture) + " is not larger than the " +
                    _overflowedWindow.ToString(CultureInfo.InvariantCulture) + " of " + _overflowedRef + ", whose context overflowed");
                continue;
            }

            model = candidate;
            return true;
        }

        model = null!;
        return false;
    }

    /// <summary>Records a failed attempt and updates the rules for later candidates.</summary>
    public void RecordFailure(ModelInfo model, ProviderFailureException failure)
    {
        Attempts.Add(failure.ToAttempt(model.Ref));
        CatalogMetrics.RecordFailure(model, failure.Reason);
        if (FailureClassifier.SkipsProvider(failure.Reason) || failure.ProviderWide)
        {
            (_skippedProviders ??= new(StringComparer.OrdinalIgnoreCase))[model.Provider] = "provider '" + model.Provider + "' already failed (" + failure.Reason + " on " + model.Ref + ")";
        }

        if (failure.Reason == FailureReason.ContextOverflow && model.ContextWindow >= _overflowedWindow)
        {
            _overflowedWindow = model.ContextWindow;
            _overflowedRef = model.Ref;
        }

        if (FailureClassifier.CoolsDown(failure.Reason))
        {
            _cooldowns.MarkFailed(model.Ref);
        }
    }

    /// <summary>Whether to try the same model again after <paramref name="failure"/>, and after how long.</summary>
    public bool ShouldRetry(ProviderFailureException failure, int retriesDone, out TimeSpan delay)
    {
        delay = TimeSpan.Zero;
        bool retryable = failure.ShouldRetry ?? FailureClassifier.IsRetryable(failure.Reason);
        if (!retryable || failure.Reason is FailureReason.Billing or FailureReason.BadRequest || retriesDone >= _options.MaxRetries)
        {
            return false;
        }

        if (failure.RetryAfter is { } retryAfter)
        {
            // Waiting less than the server asked would only fail again; beyond the cap, moving on is faster.
            if (retryAfter > _options.MaxRetryDelay)
            {
                return false;
            }

            delay = retryAfter;
            return true;
        }

        var backoff = TimeSpan.FromTicks(_options.InitialRetryDelay.Ticks << Math.Min(retriesDone, 20));
        delay = backoff > _options.MaxRetryDelay ? _options.MaxRetryDelay : backoff;
        return true;
    }

    public void RecordSuccess(ModelInfo model) => _cooldowns.MarkSucceeded(model.Ref);

    /// <summary>A budget refused <paramref name="model"/> before anything was sent: skipped, like a model ruled out.</summary>
    public void RecordOverBudget(ModelInfo model, BudgetRefusal refusal)
    {
        (_budgetRefusals ??= new List<BudgetRefusal>()).Add(refusal);
        AddSkipped(model, refusal.Reason);
    }

    /// <summary>
    /// The exception once no candidate is left: <see cref="BudgetExceededException"/> when budgets refused every
    /// candidate (so nothing was sent), else <see cref="ModelFailoverException"/> listing every attempt.
    /// </summary>
    public Exception Exhausted() =>
        _budgetRefusals is { } refusals && refusals.Count == Attempts.Count
            ? BudgetExceededException.From(refusals)
            : new ModelFailoverException(Attempts);

    private void AddSkipped(ModelInfo model, string why)
    {
        Attempts.Add(new FailoverAttempt(model.Ref, null, FailureReason.Skipped, why));
        CatalogMetrics.RecordFailure(model, FailureReason.Skipped);
    }

    // Cooling models go last, in their original order: every candidate is still tried when all of them are cooling.
    private static List<ModelInfo> OrderByCooldown(List<ModelInfo> candidates, ModelCooldowns cooldowns)
    {
        List<ModelInfo>? cooling = null;
        List<ModelInfo>? ready = null;
        for (int i = 0; i < candidates.Count; i++)
        {
            var candidate = candidates[i];
            if (cooldowns.IsCooling(candidate.Ref))
            {
                if (cooling is null)
                {
                    cooling = new List<ModelInfo>(candidates.Count);
                    ready = new List<ModelInfo>(candidates.Count);
                    for (int j = 0; j < i; j++)
                    {
                        ready.Add(candidates[j]);
                    }
                }

                cooling.Add(candidate);
            }
            else
            {
                ready?.Add(candidate);
            }
        }

        if (cooling is null)
        {
            return candidates;
        }

        ready!.AddRange(cooling);
        return ready;
    }
}
