using System;
using System.Globalization;
using System.Text.Json;

namespace ModelCatalog;

/// <summary>What one answer of <c>/oauth/token</c> means.</summary>
internal enum OAuthPollOutcome
{
    Success,
    Pending,
    SlowDown,
    Expired,
    Denied,
    Error,
}

/// <summary>
/// Reads MiniMax's OAuth answers in both dialects it is known to use: its own (<c>status</c>:
/// <c>success</c>/<c>pending</c>/<c>error</c>, <c>expired_in</c>, <c>base_resp</c>) and RFC 6749/8628's (<c>error</c>:
/// <c>authorization_pending</c>, <c>slow_down</c>, <c>expired_token</c>, <c>access_denied</c>, …; <c>expires_in</c>).
/// The one place these fields are interpreted (login, renewal).
/// </summary>
internal static class MiniMaxOAuthResponses
{
    /// <summary>Above this an expiry is an absolute Unix time in milliseconds (MiniMax's <c>expired_in</c>); below, seconds from now.</summary>
    private const long AbsoluteMillisecondsThreshold = 100_000_000_000;

    /// <summary>
    /// An <c>interval</c> of at least this is milliseconds (MiniMax's <c>/oauth/code</c> sends 1000), below it seconds (RFC 8628).
    /// </summary>
    private const long MillisecondIntervalThreshold = 100;

    public static OAuthPollOutcome Classify(int httpStatus, JsonElement root, out string? error, out string? message)
    {
        error = Text(root, "error");
        message = Text(root, "error_description") ?? Text(root, "message");
        if (ProviderErrorReader.TryReadMiniMaxStatus(root, out var code, out var statusMessage) && code != 0)
        {
            message ??= statusMessage;
            error ??= "minimax_" + code.ToString(CultureInfo.InvariantCulture);
        }

        switch (error)
        {
            case null:
                break;
            case "authorization_pending":
                return OAuthPollOutcome.Pending;
            case "slow_down":
                return OAuthPollOutcome.SlowDown;
            case "expired_token":
                return OAuthPollOutcome.Expired;
            case "access_denied":
                return OAuthPollOutcome.Denied;
            default:
                return OAuthPollOutcome.Error;
        }

        switch (Text(root, "status"))
        {
            case "success":
                return httpStatus is >= 200 and < 300 ? OAuthPollOutcome.Success : OAuthPollOutcome.Error;
            case "pending":
                return OAuthPollOutcome.Pending;
            case null:
                return httpStatus is >= 200 and < 300 && Text(root, "access_token") is not null ? OAuthPollOutcome.Success : OAuthPollOutcome.Error;
            default:
                return OAuthPollOutcome.Error;
        }
    }

    /// <summary>The token of a successful answer; the renewed token keeps <paramref name="previous"/>'s refresh token and resource URL when the answer omits them.</summary>
    public static OAuthToken ReadToken(JsonElement root, DateTimeOffset now, Uri authorizationServer, string clientId, OAuthToken? previous)
    {
        if (Text(root, "access_token") is not { Length: > 0 } access)
        {
            throw new MiniMaxOAuthException("MiniMax's token answer has no access_token.", "invalid_response");
        }

        var resourceUrl = Text(root, "resource_url") is { } resource ? NormalizeResourceUrl(resource) : previous?.ResourceUrl;
        return new OAuthToken(access, Text(root, "refresh_token") ?? previous?.RefreshToken,
            Expiry(root, now, "expired_in", "expires_in"), resourceUrl, authorizationServer, clientId);
    }

    /// <summary>An expiry: absolute Unix milliseconds when large (MiniMax), else seconds from <paramref name="now"/> (RFC 6749); <c>null</c> when absent.</summary>
    public static DateTimeOffset? Expiry(JsonElement root, DateTimeOffset now, params string[] names)
    {
        foreach (var name in names)
        {
            if (Number(root, name) is { } value && value > 0)
            {
                return value >= AbsoluteMillisecondsThreshold ? DateTimeOffset.FromUnixTimeMilliseconds(value) : now.AddSeconds(value);
            }
        }

        return null;
    }

    /// <summary>The server's poll interval (milliseconds when ≥ 100, else seconds), never below <paramref name="minimum"/>.</summary>
    public static TimeSpan Interval(JsonElement root, TimeSpan minimum)
    {
        if (Number(root, "interval") is not { } value || value <= 0)
        {
            return minimum;
        }

        var interval = value >= MillisecondIntervalThreshold ? TimeSpan.FromMilliseconds(value) : TimeSpan.FromSeconds(value);
        return interval < minimum ? minimum : interval;
    }

    public static string? Text(JsonElement root, string name) => JsonHelpers.GetNonBlankString(root, name);

    // MiniMax may send a bare host as resource_url: it is an https origin then. Anything that is still no absolute http(s)
    // URL is refused at once rather than stored and failing on every call.
    private static string NormalizeResourceUrl(string value)
    {
        var url = value.IndexOf("://", StringComparison.Ordinal) < 0 ? "https://" + value : value;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != "https" && uri.Scheme != "http"))
        {
            throw new MiniMaxOAuthException("MiniMax's token answer has a resource_url that is no http(s) URL: '" + value + "'.", "invalid_response");
        }

        return url.TrimEnd('/');
    }

    private static long? Number(JsonElement root, string name) => JsonHelpers.GetInt64OrNumericString(root, name);
}
