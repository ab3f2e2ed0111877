using System;
using System.Globalization;

namespace ModelCatalog;

/// <summary>
/// A signed-in OAuth session of one provider (e.g. <c>minimax-portal</c> after <c>modelcatalog login minimax</c>): the
/// access token the client sends, the refresh token that renews it, and where it applies. Its tokens are secrets:
/// <see cref="ToString"/> never shows them, and neither does any message of ModelCatalog.
/// </summary>
public sealed class OAuthToken
{
    /// <summary>Creates a token record.</summary>
    /// <param name="accessToken">The access token (sent as <c>Authorization: Bearer</c>). Required.</param>
    /// <param name="refreshToken">The refresh token; <c>null</c> when the server gave none (the session then cannot be renewed).</param>
    /// <param name="expiresAt">When the access token expires; <c>null</c> when unknown (it is then renewed only after a 401).</param>
    /// <param name="resourceUrl">The base URL the server assigned to this session (MiniMax's <c>resource_url</c>), or <c>null</c>.</param>
    /// <param name="authorizationServer">The OAuth server that issued the token and renews it (e.g. <c>https://api.minimax.io</c>).</param>
    /// <param name="clientId">The OAuth client id the token was issued to (renewals must use the same).</param>
    /// <exception cref="ArgumentException"><paramref name="accessToken"/> is null or empty.</exception>
    public OAuthToken(
        string accessToken, string? refreshToken, DateTimeOffset? expiresAt, string? resourceUrl = null,
        Uri? authorizationServer = null, string? clientId = null)
    {
        if (string.IsNullOrEmpty(accessToken))
        {
            throw new ArgumentException("An access token is required.", nameof(accessToken));
        }

        AccessToken = accessToken;
        RefreshToken = string.IsNullOrEmpty(refreshToken) ? null : refreshToken;
        ExpiresAt = expiresAt;
        ResourceUrl = string.IsNullOrEmpty(resourceUrl) ? null : resourceUrl;
        AuthorizationServer = authorizationServer;
        ClientId = string.IsNullOrEmpty(clientId) ? null : clientId;
    }

    /// <summary>The access token. A secret: never log it.</summary>
    public string AccessToken { get; }

    /// <summary>The refresh token, or <c>null</c>. A secret: never log it.</summary>
    public string? RefreshToken { get; }

    /// <summary>When <see cref="AccessToken"/> expires (UTC); <c>null</c> when the server did not say.</summary>
    public DateTimeOffset? ExpiresAt { get; }

    /// <summary>The base URL the server assigned to the session (MiniMax: <c>resource_url</c>); <c>null</c> = the provider's own.</summary>
    public string? ResourceUrl { get; }

    /// <summary>The OAuth server that issued the token; renewals go to its <c>/oauth/token</c>.</summary>
    public Uri? AuthorizationServer { get; }

    /// <summary>The OAuth client id the token was issued to.</summary>
    public string? ClientId { get; }

    /// <summary>Expiry, whether a refresh token is held and the resource URL; never a token.</summary>
    public override string ToString() =>
        "OAuthToken (expires " + (ExpiresAt?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC" ?? "unknown") +
        ", refresh token: " + (RefreshToken is null ? "no" : "yes") + (ResourceUrl is null ? "" : ", resource " + ResourceUrl) + ")";
}
