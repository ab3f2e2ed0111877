using System;

namespace ModelCatalog;

/// <summary>
/// Maps an HTTP status and the provider's error type/code/message to a <see cref="FailureReason"/>, following the
/// failover table of README.md (Fallbacks).
/// </summary>
internal static class FailureClassifier
{
    // Phrases servers use for "the prompt does not fit", matched ignoring case: OpenAI and DeepSeek ("This model's maximum
    // context length is …", context_length_exceeded), Anthropic ("prompt is too long: …", "input length and `max_tokens`
    // exceed context limit"), vLLM ("… maximum context length …", "longer than the maximum model length"), llama.cpp
    // ("exceeds the available context size", exceed_context_size_error), Ollama ("prompt too long; exceeded max context
    // length"), LM Studio ("greater than the context length", "loaded with context length of only"), SGLang ("longer
    // than the model's context length"), Mistral ("too large for model with … maximum context length"), MiniMax
    // ("context window exceeds limit"), Bedrock ("input is too long"), and generic "too many tokens".
    private static readonly string[] ContextOverflowPhrases =
    {
        "prompt is too long", "prompt too long", "input is too long", "context_length_exceeded", "context length exceeded",
        "exceeds the context window", "context window exceeds limit", "greater than the context length", "maximum context length",
        "max context length", "exceeds the available context size", "exceed_context_size", "maximum model length",
        "longer than the model's context length", "context length of only", "exceed context limit", "too many tokens",
        "reduce the length of the messages",
    };

    private static readonly string[] BillingPhrases =
    {
        "insufficient_quota", "credit balance", "insufficient balance", "insufficient credits", "billing", "exceeded your current quota",
        "payment required",
    };

    // Error type/code names of in-band errors (Anthropic, OpenAI, and the exception names vLLM/LiteLLM put in "type").
    private static readonly string[] RateLimitNames = { "rate_limit_error", "rate_limit_exceeded", "ratelimiterror", "too_many_requests" };

    private static readonly string[] ServerErrorNames =
    {
        "overloaded_error", "overloaded", "api_error", "server_error", "internal_error", "internal_server_error", "internalservererror",
        "service_unavailable", "serviceunavailableerror", "timeout_error",
    };

    private static readonly string[] AuthenticationNames =
    {
        "authentication_error", "permission_error", "invalid_api_key", "authenticationerror", "permissiondeniederror",
    };

    private static readonly string[] NotFoundNames = { "not_found_error", "model_not_found", "notfounderror" };

    private static readonly string[] BadRequestNames = { "invalid_request_error", "badrequesterror", "invalid_prompt" };

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

    /// <summary>
    /// Classifies an error reported inside a 2xx body or stream (an <c>{"error":…}</c> or <c>{"object":"error",…}</c>
    /// object, an SSE <c>error</c> event, <c>response.failed</c>) by its content, like the HTTP rows of the
    /// failure table (README.md, Fallbacks): a rate-limit name, context overflow, billing, an HTTP status in <c>code</c>, then the
    /// type/code names (overloaded, authentication, not found, invalid request); anything else is a
    /// <see cref="FailureReason.StreamError"/>.
    /// </summary>
    public static FailureReason ClassifyInBand(string? errorType, string? errorCode, string? message)
    {
        if (IsNamed(errorType, errorCode, RateLimitNames))
        {
            return IsBilling(errorType, errorCode, message) ? FailureReason.Billing : FailureReason.RateLimit;
        }

        if (IsContextOverflow(errorType, errorCode, message))
        {
            return FailureReason.ContextOverflow;
        }

        if (IsBilling(errorType, errorCode, message))
        {
            return FailureReason.Billing;
        }

        // vLLM, SGLang and llama.cpp put the HTTP status they would have sent into "code".
        if (int.TryParse(errorCode, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var status) &&
            status >= 400 && status <= 599)
        {
            return Classify(status, errorType, errorCode, message);
        }

        if (IsNamed(errorType, errorCode, ServerErrorNames))
        {
            return FailureReason.ServerError;
        }

        if (IsNamed(errorType, errorCode, AuthenticationNames))
        {
            return FailureReason.Authentication;
        }

        if (IsNamed(errorType, errorCode, NotFoundNames))
        {
            return FailureReason.NotFound;
        }

        return IsNamed(errorType, errorCode, BadRequestNames) ? FailureReason.BadRequest : FailureReason.StreamError;
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
    public static bool AllowsFallback(FailureReason reason) => reason is not (FailureReason.BadRequest or FailureReason.InternalError);

    /// <summary>Failures that say the whole provider (its key) is unusable, so its other models are skipped.</summary>
    public static bool SkipsProvider(FailureReason reason) =>
        reason is FailureReason.Authentication;

    /// <summary>Failures that say something about the model (not the prompt), so it cools down.</summary>
    public static bool CoolsDown(FailureReason reason) =>
        reason is not (FailureReason.ContextOverflow or FailureReason.BadRequest or FailureReason.Skipped or FailureReason.InternalError);

    private static bool IsContextOverflow(string? errorType, string? errorCode, string? message) =>
        ContainsAny(errorCode, ContextOverflowPhrases) || ContainsAny(errorType, ContextOverflowPhrases) ||
        ContainsAny(message, ContextOverflowPhrases);

    private static bool IsBilling(string? errorType, string? errorCode, string? message) =>
        ContainsAny(errorCode, BillingPhrases) || ContainsAny(errorType, BillingPhrases) || ContainsAny(message, BillingPhrases);

    private static bool IsNamed(string? errorType, string? errorCode, string[] names)
    {
        foreach (var name in names)
        {
            if (string.Equals(errorType, name, StringComparison.OrdinalIgnoreCase) || string.Equals(errorCode, name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

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
