using System;

namespace ModelCatalog;

/// <summary>
/// Internal signal of one failed attempt, raised by the transport and protocol code and turned into a
/// <see cref="FailoverAttempt"/> by the failover loop. Its message is already free of secrets.
/// </summary>
internal sealed class ProviderFailureException : Exception
{
    public ProviderFailureException(
        FailureReason reason, string message, int? statusCode = null, string? errorType = null, string? errorCode = null,
        string? requestId = null, TimeSpan? retryAfter = null, bool? shouldRetry = null, Exception? innerException = null, bool providerWide = false)
        : base(message, innerException)
    {
        Reason = reason;
        StatusCode = statusCode;
        ErrorType = errorType;
        ErrorCode = errorCode;
        RequestId = requestId;
        RetryAfter = retryAfter;
        ShouldRetry = shouldRetry;
        ProviderWide = providerWide;
    }

    public FailureReason Reason { get; }

    public int? StatusCode { get; }

    public string? ErrorType { get; }

    public string? ErrorCode { get; }

    public string? RequestId { get; }

    public TimeSpan? RetryAfter { get; }

    /// <summary>The provider's <c>x-should-retry</c> header: <c>true</c>/<c>false</c> overrides the status rule.</summary>
    public bool? ShouldRetry { get; }

    /// <summary>The failure concerns the provider's configuration (key, base URL, provider header), so its other models fail alike.</summary>
    public bool ProviderWide { get; }

    /// <summary>This failure with every secret masked in its message (a copy only when something was masked).</summary>
    public ProviderFailureException Redact(System.Collections.Generic.IReadOnlyList<string> secrets)
    {
        var redacted = SecretRedactor.Redact(Message, secrets);
        return string.Equals(redacted, Message, StringComparison.Ordinal)
            ? this
            : new ProviderFailureException(Reason, redacted, StatusCode, ErrorType, ErrorCode, RequestId, RetryAfter, ShouldRetry, InnerException, ProviderWide);
    }

    /// <summary>The exception the caller gets when this failure ends the request: a client bug carries the decoding error itself.</summary>
    public ModelRequestException ToRequestException(string modelRef) =>
        new(ToAttempt(modelRef), Reason == FailureReason.InternalError && InnerException is { } bug ? bug : this);

    public FailoverAttempt ToAttempt(string modelRef) =>
        new(modelRef, StatusCode, Reason, Message, ErrorType, ErrorCode, RequestId, RetryAfter);
}
