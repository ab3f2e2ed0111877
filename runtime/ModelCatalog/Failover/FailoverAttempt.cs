using System;
using System.Globalization;
using System.Text;

namespace ModelCatalog;

/// <summary>One failed (or skipped) attempt of a chat request. Carries no key, header value or other secret.</summary>
public sealed class FailoverAttempt
{
    /// <summary>Creates an attempt record.</summary>
    public FailoverAttempt(
        string modelRef, int? statusCode, FailureReason reason, string message, string? errorType = null,
        string? errorCode = null, string? requestId = null, TimeSpan? retryAfter = null)
    {
        ModelRef = modelRef ?? throw new ArgumentNullException(nameof(modelRef));
        StatusCode = statusCode;
        Reason = reason;
        Message = message ?? string.Empty;
        ErrorType = errorType;
        ErrorCode = errorCode;
        RequestId = requestId;
        RetryAfter = retryAfter;
    }

    /// <summary>The canonical ref of the model that was tried.</summary>
    public string ModelRef { get; }

    /// <summary>The HTTP status code, or <c>null</c> when no response arrived (network, timeout, configuration).</summary>
    public int? StatusCode { get; }

    /// <summary>The classification that decided what happened next.</summary>
    public FailureReason Reason { get; }

    /// <summary>The provider's error message (secrets removed) or the client's own description.</summary>
    public string Message { get; }

    /// <summary>The provider's error type (e.g. <c>overloaded_error</c>), when it gave one.</summary>
    public string? ErrorType { get; }

    /// <summary>The provider's error code (e.g. <c>insufficient_quota</c>), when it gave one.</summary>
    public string? ErrorCode { get; }

    /// <summary>The provider's request id (<c>request-id</c> / <c>x-request-id</c>), when it gave one.</summary>
    public string? RequestId { get; }

    /// <summary>The Retry-After the provider asked for, when it gave one.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary><c>provider/model: &lt;status&gt; &lt;type&gt;: &lt;message&gt;</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(ModelRef).Append(": ");
        text.Append(StatusCode is { } status ? status.ToString(CultureInfo.InvariantCulture) : Reason.ToString());
        if (ErrorType is not null)
        {
            text.Append(' ').Append(ErrorType);
        }
        else if (StatusCode is not null)
        {
            text.Append(' ').Append(Reason.ToString());
        }

        return text.Append(": ").Append(Message).ToString();
    }
}
