using System;

namespace ModelCatalog;

/// <summary>
/// A chat request failed in a way that no other model can fix: a plain 400/422, or a failure after the first
/// streamed update (the caller already has output). Never carries a key, header value or other secret.
/// </summary>
public class ModelRequestException : Exception
{
    /// <summary>Creates the exception for <paramref name="attempt"/>.</summary>
    public ModelRequestException(FailoverAttempt attempt, Exception? innerException = null)
        : base(BuildMessage(attempt), innerException)
    {
        Attempt = attempt;
    }

    /// <summary>The failed attempt: model ref, status, reason and the provider's message.</summary>
    public FailoverAttempt Attempt { get; }

    /// <summary>The canonical ref of the model that failed.</summary>
    public string ModelRef => Attempt.ModelRef;

    /// <summary>The HTTP status, when a response arrived.</summary>
    public int? StatusCode => Attempt.StatusCode;

    /// <summary>The failure classification.</summary>
    public FailureReason Reason => Attempt.Reason;

    private static string BuildMessage(FailoverAttempt attempt) =>
        "The model request failed: " + (attempt ?? throw new ArgumentNullException(nameof(attempt)));
}
