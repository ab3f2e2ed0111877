using System;

namespace ModelCatalog;

/// <summary>
/// A MiniMax OAuth step failed: the sign-in was denied or expired, the server's answer was unusable (a wrong
/// <c>state</c>, no access token), or a renewal was refused. The message never holds a token or the PKCE verifier.
/// </summary>
public class MiniMaxOAuthException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MiniMaxOAuthException(string message, string? error = null, int? httpStatusCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Error = error;
        HttpStatusCode = httpStatusCode;
    }

    /// <summary>
    /// The OAuth error code (RFC 6749 / RFC 8628: <c>access_denied</c>, <c>expired_token</c>, <c>invalid_grant</c>, …),
    /// or <c>state_mismatch</c> / <c>invalid_response</c> for answers the client rejected; <c>null</c> when unknown.
    /// </summary>
    public string? Error { get; }

    /// <summary>The HTTP status of the answer, when there was one.</summary>
    public int? HttpStatusCode { get; }

    /// <summary>
    /// <c>true</c> when the server refused the grant itself (a revoked or expired refresh token, a denied sign-in): signing
    /// in again is the only fix. <c>false</c> for transient failures (5xx, network), after which the stored sign-in is kept.
    /// </summary>
    public bool IsGrantRefused =>
        Error is "invalid_grant" or "access_denied" or "expired_token" or "unauthorized_client" or "invalid_client" ||
        HttpStatusCode is 400 or 401 or 403;
}
