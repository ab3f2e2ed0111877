using System;
using System.Collections.Generic;
using System.Text;

namespace ModelCatalog;

/// <summary>
/// Every candidate model (the requested one, then the catalog's fallbacks) failed. <see cref="Attempts"/> lists
/// each attempt in order; the message names each one without secrets.
/// </summary>
public class ModelFailoverException : Exception
{
    /// <summary>Creates the exception from the attempts made.</summary>
    public ModelFailoverException(IReadOnlyList<FailoverAttempt> attempts, Exception? innerException = null)
        : base(BuildMessage(attempts), innerException)
    {
        Attempts = attempts;
    }

    /// <summary>Every attempt, in the order it was made (retries included; skipped models marked <see cref="FailureReason.Skipped"/>).</summary>
    public IReadOnlyList<FailoverAttempt> Attempts { get; }

    private static string BuildMessage(IReadOnlyList<FailoverAttempt> attempts)
    {
        if (attempts is null)
        {
            throw new ArgumentNullException(nameof(attempts));
        }

        var text = new StringBuilder("Every model failed (").Append(attempts.Count).Append(attempts.Count == 1 ? " attempt):" : " attempts):");
        foreach (var attempt in attempts)
        {
            text.Append("\n  ").Append(attempt);
        }

        return text.ToString();
    }
}
