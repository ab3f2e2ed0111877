using System;

namespace ModelCatalog;

/// <summary>
/// A started MiniMax sign-in (the answer of <c>POST {server}/oauth/code</c>): the user opens
/// <see cref="VerificationUri"/>, enters <see cref="UserCode"/> if asked, and <see cref="MiniMaxOAuth.CompleteLoginAsync"/>
/// polls for the tokens. Holds the PKCE verifier internally; <see cref="ToString"/> shows only what the user sees.
/// </summary>
public sealed class MiniMaxOAuthAuthorization
{
    internal MiniMaxOAuthAuthorization(
        Uri authorizationServer, string clientId, string userCode, string verificationUri, DateTimeOffset expiresAt, TimeSpan interval, string codeVerifier)
    {
        AuthorizationServer = authorizationServer;
        ClientId = clientId;
        UserCode = userCode;
        VerificationUri = verificationUri;
        ExpiresAt = expiresAt;
        Interval = interval;
        CodeVerifier = codeVerifier;
    }

    /// <summary>The OAuth server the sign-in runs against (e.g. <c>https://api.minimax.io</c>).</summary>
    public Uri AuthorizationServer { get; }

    /// <summary>The OAuth client id used.</summary>
    public string ClientId { get; }

    /// <summary>The code the user confirms on the verification page.</summary>
    public string UserCode { get; }

    /// <summary>The page where the user approves the sign-in.</summary>
    public string VerificationUri { get; }

    /// <summary>When the user code expires; polling stops then.</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <summary>The wait between two polls: the server's interval, at least <see cref="MiniMaxOAuth.MinimumPollInterval"/>.</summary>
    public TimeSpan Interval { get; }

    internal string CodeVerifier { get; }

    /// <summary>The verification page and the user code (no verifier).</summary>
    public override string ToString() => "MiniMax sign-in: open " + VerificationUri + " and enter the code " + UserCode;
}
