using System;

namespace ModelCatalog;

/// <summary>
/// Maps an HTTP status and the provider's error type/code/message to a <see cref="FailureReason"/>, following the
/// failover table of README.md (Fallbacks).
/// </summary>
internal static class FailureClassifier
{
    // Phrases different servers use for "the prompt does not fit" (Anthropic, OpenAI, MiniMax, LM Studio, others).
    private static readonly string[] ContextOverflowPhrases =
    {
        "prompt is too long", "context_length_exceeded", "exceeds the context window", "context window exceeds limit",
        "greater than the context length", "maximum context length", "context length exceeded",
    };

    private static readonly string[] BillingPhrases =
    {
        "insufficient_quota", "credit balance", "insufficient balance", "billing", "exceeded your current quota",
    };

    public static FailureReason Classify(int status, string? errorType, string? errorCode, string? message)
    {
        switch (status)
        {
            case 401:
            case 403:
                return FailureReason.Authentication;
            case 402:
                return FailureReason.Billing;
            case 404:
                return FailureReason.NotFound;
            case 413:
                return FailureReason.ContextOverflow;
            case 408:
            case 409:
            case 425:
                return FailureReason.Transient;
            case 429:
                return IsBilling(errorType, errorCode, message) ? FailureReason.Billing : FailureReason.RateLimit;
            case 400:
            case 422:
                if (IsContextOverflow(errorType, errorCode, message))
                {
                    return FailureReason.ContextOverflow;
                }

                return IsBilling(errorType, errorCode, message) ? FailureReason.Billing : FailureReason.BadRequest;
        }

        if (status >= 500)
        {
            return FailureReason.ServerError;
        }

        // Other 4xx (405, 415, ...) say nothing about the prompt, so another route may well work.
        return FailureReason.ProviderError;
    }

    /// <summary>Classifies an error reported inside a 200 stream or body (SSE <c>error</c>, <c>response.failed</c>).</summary>
    public static FailureReason ClassifyInBand(string? errorType, string? errorCode, string? message)
    {
        if (IsContextOverflow(errorType, errorCode, message))
        {
            return FailureReason.ContextOverflow;
        }

        if (IsBilling(errorType, errorCode, message))
        {
            return FailureReason.Billing;
        }

        return FailureReason.StreamError;
    }

    /// <summary>MiniMax native <c>base_resp.status_code</c> values.</summary>
    public static FailureReason ClassifyMiniMaxCode(int code) => code switch
    {
        1002 => FailureReason.RateLimit,
        1004 => FailureReason.Authentication,
        1008 => FailureReason.Billing,
        1000 or 1001 or 1024 => FailureReason.ServerError,
        2061 => FailureReason.NotFound,
        _ => FailureReason.ProviderError,
    };

    /// <summary>
    /// Whether the same model may be tried again after this failure: the "optional retry" rows of the failover table
    /// (README.md, Fallbacks), which default to up to two retries, network failures and the client's own timeout included.
    /// </summary>
    public static bool IsRetryable(FailureReason reason) =>
        reason is FailureReason.Transient or FailureReason.RateLimit or FailureReason.ServerError or FailureReason.Network or FailureReason.Timeout;

    /// <summary>Whether a later candidate may be tried after this failure (subject to the context-window rule).</summary>
    public static bool AllowsFallback(FailureReason reason) => reason != FailureReason.BadRequest;

    /// <summary>Failures that say the whole provider (its key) is unusable, so its other models are skipped.</summary>
    public static bool SkipsProvider(FailureReason reason) =>
        reason is FailureReason.Authentication;

    /// <summary>Failures that say something about the model (not the prompt), so it cools down.</summary>
    public static bool CoolsDown(FailureReason reason) =>
        reason is not (FailureReason.ContextOverflow or FailureReason.BadRequest or FailureReason.Skipped);

    private static bool IsContextOverflow(string? errorType, string? errorCode, string? message) =>
        ContainsAny(errorCode, ContextOverflowPhrases) || ContainsAny(errorType, ContextOverflowPhrases) ||
        ContainsAny(message, ContextOverflowPhrases);

    private static bool IsBilling(string? errorType, string? errorCode, string? message) =>
        ContainsAny(errorCode, BillingPhrases) || ContainsAny(errorType, BillingPhrases) || ContainsAny(message, BillingPhrases);

    private static bool ContainsAny(string? text, string[] phrases)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        foreach (var phrase in phrases)
        {
            if (text!.IndexOf(phrase, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
