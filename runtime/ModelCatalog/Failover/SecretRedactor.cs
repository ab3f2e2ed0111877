using System;
using System.Collections.Generic;

namespace ModelCatalog;

/// <summary>
/// Removes secrets from text that came from a provider (servers echo keys in messages such as
/// "Incorrect API key provided: sk-...") before it reaches an exception, attempt record or log.
/// </summary>
internal static class SecretRedactor
{
    private const string Mask = "***";
    private const int MaxMessageLength = 1000;

    public static string Redact(string? text, IReadOnlyList<string>? secrets)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var result = text!;
        if (secrets is not null)
        {
            foreach (var secret in secrets)
            {
                // Very short values (e.g. "1") would shred the message and are no real secret.
                if (secret.Length >= 4 && result.IndexOf(secret, StringComparison.Ordinal) >= 0)
                {
                    result = result.Replace(secret, Mask);
                }
            }
        }

        return result.Length > MaxMessageLength ? result.Substring(0, MaxMessageLength) + "…" : result;
    }
}
