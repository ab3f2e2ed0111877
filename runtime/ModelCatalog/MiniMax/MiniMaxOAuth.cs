using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ModelCatalog.Internal;

namespace ModelCatalog;

/// <summary>
/// MiniMax Coding Plan OAuth (shared/reference/openclaw-config.md §11.5): the user-code flow with PKCE S256 that
/// <c>modelcatalog login minimax</c> runs, and the renewal <see cref="CatalogChatClient"/> runs before a token expires
/// and once after a 401. Tokens land in an <see cref="IOAuthTokenStore"/> under <see cref="GlobalProviderId"/> or
/// <see cref="ChinaProviderId"/>.
/// </summary>
public static class MiniMaxOAuth
{
    /// <summary>
    /// MiniMax's public OAuth client id for this flow. The reference does not give it; this is the id OpenClaw's MiniMax
    /// plugin (<c>extensions/minimax/oauth.ts</c>) uses for both regions. Pass another to the login methods to override it.
    /// </summary>
    public const string DefaultClientId = "78257093-7e40-4613-99e0-527b14b39113";

    /// <summary>The scope requested (reference §11.5).</summary>
    public const string Scope = "group_id profile model.completion";

    /// <summary>The grant type of the poll (reference §11.5).</summary>
    public const string UserCodeGrantType = "urn:ietf:params:oauth:grant-type:user_code";

    /// <summary>The apiKey marker of the OAuth providers: never sent, the signed-in access token goes in its place.</summary>
    public const string KeyMarker = OAuthKeyMarkers.MiniMax;

    /// <summary>The environment variable that may hold an access token instead of a stored sign-in (reference §11.1).</summary>
    public const string TokenVariable = OAuthKeyMarkers.MiniMaxTokenVariable;

    /// <summary>The built-in Global Coding Plan provider (<c>https://api.minimax.io/anthropic</c>).</summary>
    public const string GlobalProviderId = "minimax-portal";

    /// <summary>The built-in China Coding Plan provider (<c>https://api.minimaxi.com/anthropic</c>).</summary>
    public const string ChinaProviderId = "minimax-portal-cn";

    private const string GlobalBaseUrl = "https://api.minimax.io/anthropic";
    private const string ChinaBaseUrl = "https://api.minimaxi.com/anthropic";

    /// <summary>RFC 8628 §3.5: each <c>slow_down</c> adds 5 seconds to the poll interval.</summary>
    private static readonly TimeSpan SlowDownStep = TimeSpan.FromSeconds(5);

    /// <summary>The OAuth server of the Global region.</summary>
    public static Uri GlobalAuthorizationServer { get; } = new("https://api.minimax.io");

    /// <summary>The OAuth server of the China region.</summary>
    public static Uri ChinaAuthorizationServer { get; } = new("https://api.minimaxi.com");

    /// <summary>The shortest wait between two polls whatever the server says (reference §11.5: every ≥ 2 s).</summary>
    public static TimeSpan MinimumPollInterval { get; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Starts a sign-in: <c>POST {server}/oauth/code</c> with <c>response_type=code</c>, the client id, the scope, a
    /// fresh PKCE S256 challenge and state. The answer's <c>state</c> must equal the one sent.
    /// </summary>
    /// <param name="httpClient">The HTTP client to send with.</param>
    /// <param name="authorizationServer">The OAuth server; default <see cref="GlobalAuthorizationServer"/>.</param>
    /// <param name="clientId">The OAuth client id; default <see cref="DefaultClientId"/>.</param>
    /// <param name="timeProvider">The clock the code's expiry is computed with; default the system clock.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="MiniMaxOAuthException">An HTTP error, a MiniMax error status, a missing user code or page, or a wrong state.</exception>
    public static async Task<MiniMaxOAuthAuthorization> StartLoginAsync(
        HttpClient httpClient, Uri? authorizationServer = null, string? clientId = null, TimeProvider? timeProvider = null,
        CancellationToken cancellationToken = default)
    {
        if (httpClient is null)
        {
            throw new ArgumentNullException(nameof(httpClient));
        }

        var server = authorizationServer ?? GlobalAuthorizationServer;
        var client = string.IsNullOrEmpty(clientId) ? DefaultClientId : clientId!;
        var verifier = RandomBase64Url(32);
        var state = RandomBase64Url(16);
        var form = new[]
        {
            Pair("response_type", "code"),
            Pair("client_id", client),
            Pair("scope", Scope),
            Pair("code_challenge", CodeChallenge(verifier)),
            Pair("code_challenge_method", "S256"),
            Pair("state", state),
        };

        var (status, root) = await PostAsync(httpClient, server, "/oauth/code", form, cancellationToken).ConfigureAwait(false);
        using var document = root;
        var answer = document.RootElement;
        var secrets = new[] { verifier };
        MiniMaxOAuthResponses.Classify(status, answer, out var error, out var message);
        if (status is < 200 or >= 300 || error is not null)
        {
            throw new MiniMaxOAuthException("MiniMax refused to start the sign-in (HTTP " + Code(status) + Describe(error, message, secrets) + ").", error, status);
        }

        var userCode = MiniMaxOAuthResponses.Text(answer, "user_code");
        var page = MiniMaxOAuthResponses.Text(answer, "verification_uri_complete") ?? MiniMaxOAuthResponses.Text(answer, "verification_uri");
        if (userCode is null || page is null)
        {
            throw new MiniMaxOAuthException("MiniMax's sign-in answer has no user_code or verification_uri.", "invalid_response", status);
        }

        // The state must come back unchanged: anything else is an answer to another request (RFC 6749 §10.12).
        if (!string.Equals(MiniMaxOAuthResponses.Text(answer, "state"), state, StringComparison.Ordinal))
        {
            throw new MiniMaxOAuthException("MiniMax's sign-in answer carries a different state than the one sent; the sign-in was stopped.", "state_mismatch", status);
        }

        var now = (timeProvider ?? TimeProvider.System).GetUtcNow();
        var expiresAt = MiniMaxOAuthResponses.Expiry(answer, now, "expired_in", "expires_in") ?? now.AddMinutes(10);
        return new MiniMaxOAuthAuthorization(server, client, userCode, page, expiresAt, MiniMaxOAuthResponses.Interval(answer, MinimumPollInterval), verifier);
    }

    /// <summary>
    /// Polls <c>POST {server}/oauth/token</c> (<c>grant_type=urn:ietf:params:oauth:grant-type:user_code</c>, the user code,
    /// the PKCE verifier) every <see cref="MiniMaxOAuthAuthorization.Interval"/> (longer by 5 s after each
    /// <c>slow_down</c>) until the user approves, denies, or the code expires.
    /// </summary>
    /// <param name="httpClient">The HTTP client to send with.</param>
    /// <param name="authorization">The started sign-in.</param>
    /// <param name="timeProvider">The clock and timer of the waits; default the system's (tests pass a fake one).</param>
    /// <param name="cancellationToken">Stops polling.</param>
    /// <returns>The tokens, with the answer's <c>resource_url</c> and the server and client id for renewals.</returns>
    /// <exception cref="MiniMaxOAuthException">Denied (<c>access_denied</c>), expired (<c>expired_token</c>), or another error.</exception>
    public static async Task<OAuthToken> CompleteLoginAsync(
        HttpClient httpClient, MiniMaxOAuthAuthorization authorization, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        if (httpClient is null || authorization is null)
        {
            throw new ArgumentNullException(httpClient is null ? nameof(httpClient) : nameof(authorization));
        }

        var clock = timeProvider ?? TimeProvider.System;
        var interval = authorization.Interval;
        var form = new[]
        {
            Pair("grant_type", UserCodeGrantType),
            Pair("client_id", authorization.ClientId),
            Pair("user_code", authorization.UserCode),
            Pair("code_verifier", authorization.CodeVerifier),
        };
        var secrets = new[] { authorization.CodeVerifier };
        while (true)
        {
            // Wait first: nobody approves within 0 s, and the server's interval holds from the code's issue.
            await Delay(interval, clock, cancellationToken).ConfigureAwait(false);
            if (clock.GetUtcNow() >= authorization.ExpiresAt)
            {
                throw Expired();
            }

            var (status, root) = await PostAsync(httpClient, authorization.AuthorizationServer, "/oauth/token", form, cancellationToken).ConfigureAwait(false);
            using var document = root;
            switch (MiniMaxOAuthResponses.Classify(status, document.RootElement, out var error, out var message))
            {
                case OAuthPollOutcome.Success:
                    return MiniMaxOAuthResponses.ReadToken(document.RootElement, clock.GetUtcNow(), authorization.AuthorizationServer, authorization.ClientId, null);
                case OAuthPollOutcome.Pending:
                    continue;
                case OAuthPollOutcome.SlowDown:
                    interval += SlowDownStep;
                    continue;
                case OAuthPollOutcome.Expired:
                    throw Expired();
                case OAuthPollOutcome.Denied:
                    throw new MiniMaxOAuthException("The MiniMax sign-in was denied" + Describe(null, message, secrets) + ".", "access_denied", status);
                default:
                    throw new MiniMaxOAuthException("The MiniMax sign-in failed (HTTP " + Code(status) + Describe(error, message, secrets) + ").", error, status);
            }
        }
    }

    /// <summary>
    /// Renews <paramref name="token"/>: <c>POST {token's server}/oauth/token</c> with <c>grant_type=refresh_token</c>, the
    /// client id and the refresh token. The answer's refresh token and resource URL replace the old ones when present.
    /// </summary>
    /// <exception cref="MiniMaxOAuthException">
    /// No refresh token, or the server refused (<see cref="MiniMaxOAuthException.IsGrantRefused"/>: sign in again) or failed.
    /// The message never holds a token.
    /// </exception>
    public static Task<OAuthToken> RefreshAsync(HttpClient httpClient, OAuthToken token, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default) =>
        RefreshAsync(httpClient, token, null, (timeProvider ?? TimeProvider.System).GetUtcNow, cancellationToken);

    /// <summary>Whether <paramref name="provider"/> signs in through MiniMax OAuth (its apiKey is <see cref="KeyMarker"/>).</summary>
    public static bool IsOAuthProvider(ProviderInfo provider) =>
        OAuthKeyMarkers.IsMarker((provider ?? throw new ArgumentNullException(nameof(provider))).ApiKey);

    /// <summary>
    /// Whether a call to the OAuth provider <paramref name="provider"/> would carry a token now: a sign-in file in
    /// <paramref name="tokenStore"/>, or <c>${MINIMAX_OAUTH_TOKEN}</c> set (environment aliases followed). Reads no token.
    /// </summary>
    public static bool HasSignIn(ProviderInfo provider, FileOAuthTokenStore? tokenStore, ISecretResolver? secretResolver = null) =>
        ProviderSecrets.HasOAuthToken(provider ?? throw new ArgumentNullException(nameof(provider)), secretResolver ?? EnvironmentSecretResolver.Instance, tokenStore);

    /// <summary>
    /// The store key of a provider's sign-in: one per MiniMax region, <see cref="ChinaProviderId"/> or <see cref="GlobalProviderId"/>
    /// (<see cref="DefaultAuthorizationServer"/>), so a provider of another name with the marker (an OpenClaw models.json's
    /// <c>portal</c>) uses the sign-in of <c>modelcatalog login minimax</c>.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="provider"/> is null.</exception>
    public static string SignInId(ProviderInfo provider) =>
        provider is null ? throw new ArgumentNullException(nameof(provider)) :
        DefaultAuthorizationServer(provider) == ChinaAuthorizationServer ? ChinaProviderId : GlobalProviderId;

    /// <summary>The OAuth server of a provider: China for <c>minimax-portal-cn</c> and any provider on api.minimaxi.com, else Global.</summary>
    internal static Uri DefaultAuthorizationServer(ProviderInfo provider) =>
        string.Equals(provider.Id, ChinaProviderId, StringComparison.OrdinalIgnoreCase) ||
        provider.BaseUrl.IndexOf("api.minimaxi.com", StringComparison.OrdinalIgnoreCase) >= 0
            ? ChinaAuthorizationServer
            : GlobalAuthorizationServer;

    /// <summary>
    /// The base URL a signed-in call uses: the token's <c>resource_url</c> when the provider's baseUrl is one of the
    /// built-in MiniMax ones (a baseUrl the user wrote is never replaced), else the provider's baseUrl (<c>null</c> = as is).
    /// </summary>
    internal static string? BaseUrlFor(ProviderInfo provider, OAuthToken? token) =>
        token?.ResourceUrl is { } resource &&
        (string.Equals(provider.BaseUrl.TrimEnd('/'), GlobalBaseUrl, StringComparison.OrdinalIgnoreCase) ||
         string.Equals(provider.BaseUrl.TrimEnd('/'), ChinaBaseUrl, StringComparison.OrdinalIgnoreCase))
            ? resource
            : null;

    internal static async Task<OAuthToken> RefreshAsync(
        HttpClient httpClient, OAuthToken token, Uri? fallbackServer, Func<DateTimeOffset> now, CancellationToken cancellationToken)
    {
        if (httpClient is null || token is null)
        {
            throw new ArgumentNullException(httpClient is null ? nameof(httpClient) : nameof(token));
        }

        if (token.RefreshToken is null)
        {
            throw new MiniMaxOAuthException("The MiniMax sign-in has no refresh token and cannot be renewed.", "invalid_grant");
        }

        var server = token.AuthorizationServer ?? fallbackServer ?? GlobalAuthorizationServer;
        var client = token.ClientId ?? DefaultClientId;
        var form = new[]
        {
            Pair("grant_type", "refresh_token"),
            Pair("client_id", client),
            Pair("refresh_token", token.RefreshToken),
        };
        var (status, root) = await PostAsync(httpClient, server, "/oauth/token", form, cancellationToken).ConfigureAwait(false);
        using var document = root;
        var outcome = MiniMaxOAuthResponses.Classify(status, document.RootElement, out var error, out var message);
        if (outcome != OAuthPollOutcome.Success)
        {
            throw new MiniMaxOAuthException(
                "MiniMax refused to renew the sign-in (HTTP " + Code(status) + Describe(error, message, new[] { token.AccessToken, token.RefreshToken }) + ").",
                // Below 500 the server answered and said no (MiniMax: "status":"error"): the grant is dead, sign in again.
                error ?? (status < 500 ? "invalid_grant" : null), status);
        }

        return MiniMaxOAuthResponses.ReadToken(document.RootElement, now(), server, client, token);
    }

    /// <summary>PKCE S256 (RFC 7636 §4.2): BASE64URL(SHA256(ASCII(verifier))), no padding.</summary>
    internal static string CodeChallenge(string verifier)
    {
#if NET
        return Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
#else
        using var sha = SHA256.Create();
        return Base64Url(sha.ComputeHash(Encoding.ASCII.GetBytes(verifier)));
#endif
    }

    private static MiniMaxOAuthException Expired() =>
        new("The MiniMax sign-in code expired before it was approved; run the login again.", "expired_token");

    private static async Task<(int Status, JsonDocument Body)> PostAsync(
        HttpClient httpClient, Uri server, string path, KeyValuePair<string, string>[] form, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.GetLeftPart(UriPartial.Authority) + server.AbsolutePath.TrimEnd('/') + path))
        {
            Content = new FormUrlEncodedContent(form),
        };
        request.Headers.Accept.ParseAdd("application/json");
        HttpResponseMessage response;
        try
        {
            response = await httpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            throw new MiniMaxOAuthException("MiniMax's OAuth server " + server.GetLeftPart(UriPartial.Authority) + " could not be reached: " + exception.Message, null, null, exception);
        }

        using (response)
        {
            var body = await response.Content.ReadBodyBytesAsync(cancellationToken).ConfigureAwait(false);
            int status = (int)response.StatusCode;
            try
            {
                return (status, JsonDocument.Parse(body.Length == 0 ? Encoding.ASCII.GetBytes("{}") : body));
            }
            catch (JsonException)
            {
                throw new MiniMaxOAuthException("MiniMax's OAuth server answered HTTP " + Code(status) + " with a body that is not JSON.", "invalid_response", status);
            }
        }
    }

    private static string Describe(string? error, string? message, IReadOnlyList<string> secrets)
    {
        var text = (error is null ? "" : ": " + error) + (message is null ? "" : (error is null ? ": " : " - ") + message);
        return SecretRedactor.Redact(text, secrets);
    }

    private static string Code(int status) => status.ToString(CultureInfo.InvariantCulture);

    private static KeyValuePair<string, string> Pair(string name, string value) => new(name, value);

    private static string RandomBase64Url(int bytes)
    {
        var buffer = new byte[bytes];
        using (var random = RandomNumberGenerator.Create())
        {
            random.GetBytes(buffer);
        }

        return Base64Url(buffer);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static Task Delay(TimeSpan delay, TimeProvider clock, CancellationToken cancellationToken) =>
#if NET
        Task.Delay(delay, clock, cancellationToken);
#else
        clock.Delay(delay, cancellationToken);
#endif
}
