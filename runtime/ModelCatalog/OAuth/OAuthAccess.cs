namespace ModelCatalog;

/// <summary>The credential of one signed-in request: the access token to send and the base URL it applies to. A secret: never log it.</summary>
internal sealed class OAuthAccess
{
    public OAuthAccess(string accessToken, string? baseUrl, OAuthToken? stored)
    {
        AccessToken = accessToken;
        BaseUrl = baseUrl;
        Stored = stored;
    }

    public string AccessToken { get; }

    /// <summary>The token's resource URL when it replaces the provider's baseUrl (<see cref="MiniMaxOAuth.BaseUrlFor"/>); else <c>null</c>.</summary>
    public string? BaseUrl { get; }

    /// <summary>The stored sign-in it came from; <c>null</c> for <c>${MINIMAX_OAUTH_TOKEN}</c> (which cannot be renewed).</summary>
    public OAuthToken? Stored { get; }

    public bool CanRefresh => Stored?.RefreshToken is not null;

    public override string ToString() => "OAuthAccess (" + (Stored is null ? "token from the environment" : Stored.ToString()) + ")";
}
