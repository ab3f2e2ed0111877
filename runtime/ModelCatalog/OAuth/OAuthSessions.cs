using System;
using System.Collections.Concurrent;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace ModelCatalog;

/// <summary>
/// The access tokens of one <see cref="CatalogChatClient"/>'s OAuth providers (apiKey <c>minimax-oauth</c>): read from the
/// <see cref="IOAuthTokenStore"/> (else <c>${MINIMAX_OAUTH_TOKEN}</c>), renewed <see cref="RefreshMargin"/> before they
/// expire and once after a 401, and written back. One renewal per provider at a time: concurrent calls wait for it and
/// share its result. Failures are <see cref="ProviderFailureException"/>s without any token in their message.
/// </summary>
internal sealed class OAuthSessions
{
    /// <summary>How long before its expiry a token is renewed, so it does not expire in flight.</summary>
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromSeconds(60);

    private readonly IOAuthTokenStore? _store;
    private readonly HttpClient _httpClient;
    private readonly Func<DateTimeOffset> _clock;
    private readonly ConcurrentDictionary<string, OAuthToken> _cache = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.OrdinalIgnoreCase);

    public OAuthSessions(IOAuthTokenStore? store, HttpClient httpClient, Func<DateTimeOffset> clock)
    {
        _store = store;
        _httpClient = httpClient;
        _clock = clock;
    }

    /// <summary>The credential for a request to <paramref name="provider"/>; renews a stored token that is about to expire.</summary>
    public async Task<OAuthAccess> GetAsync(ProviderInfo provider, ISecretResolver secrets, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(SignIn(provider), out var cached) && !IsExpiring(cached))
        {
            return Access(provider, cached);
        }

        var gate = _locks.GetOrAdd(SignIn(provider), _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another call may have renewed it while this one waited.
            var token = _cache.TryGetValue(SignIn(provider), out cached) && !IsExpiring(cached) ? cached : await LoadAsync(provider, cancellationToken).ConfigureAwait(false);
            if (token is null)
            {
                return FromEnvironment(provider, secrets);
            }

            if (IsExpiring(token))
            {
                token = token.RefreshToken is null
                    ? throw SignInAgain(provider, "has expired and holds no refresh token")
                    : await RefreshAsync(provider, token, cancellationToken).ConfigureAwait(false);
            }

            _cache[SignIn(provider)] = token;
            return Access(provider, token);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// After a 401 with <paramref name="rejected"/>: a newer stored token (renewed by another call or a new login) or a
    /// renewed one; <c>null</c> when none can be had (the 401 then stands as the provider's authentication failure).
    /// </summary>
    public async Task<OAuthAccess?> RenewAfterUnauthorizedAsync(ProviderInfo provider, OAuthAccess rejected, CancellationToken cancellationToken)
    {
        if (!rejected.CanRefresh)
        {
            return null;
        }

        var gate = _locks.GetOrAdd(SignIn(provider), _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = await LoadAsync(provider, cancellationToken).ConfigureAwait(false);
            if (current is null)
            {
                _cache.TryRemove(SignIn(provider), out _);
                return null;
            }

            if (!string.Equals(current.AccessToken, rejected.AccessToken, StringComparison.Ordinal) && !IsExpiring(current))
            {
                _cache[SignIn(provider)] = current;
                return Access(provider, current);
            }

            if (current.RefreshToken is null)
            {
                return null;
            }

            var renewed = await RefreshAsync(provider, current, cancellationToken).ConfigureAwait(false);
            _cache[SignIn(provider)] = renewed;
            return Access(provider, renewed);
        }
        finally
        {
            gate.Release();
        }
    }

    private static string SignIn(ProviderInfo provider) => MiniMaxOAuth.SignInId(provider);

    private bool IsExpiring(OAuthToken token) => token.ExpiresAt is { } expiresAt && _clock() >= expiresAt - RefreshMargin;

    private static OAuthAccess Access(ProviderInfo provider, OAuthToken token) => new(token.AccessToken, MiniMaxOAuth.BaseUrlFor(provider, token), token);

    private async Task<OAuthToken?> LoadAsync(ProviderInfo provider, CancellationToken cancellationToken)
    {
        if (_store is null)
        {
            return null;
        }

        try
        {
            return await _store.GetAsync(SignIn(provider), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is System.IO.IOException or System.IO.InvalidDataException or UnauthorizedAccessException)
        {
            // FileOAuthTokenStore's InvalidDataException names the file, never its content.
            throw new ProviderFailureException(FailureReason.Configuration,
                "The OAuth sign-in of provider '" + provider.Id + "' could not be read: " + exception.Message, providerWide: true);
        }
    }

    private static OAuthAccess FromEnvironment(ProviderInfo provider, ISecretResolver secrets)
    {
        var token = ProviderSecrets.OAuthTokenVariable(provider, secrets);
        if (string.IsNullOrEmpty(token))
        {
            throw new ProviderFailureException(FailureReason.Configuration,
                "Provider '" + provider.Id + "' signs in with MiniMax OAuth (apiKey " + OAuthKeyMarkers.MiniMax + ") and there is no sign-in: run `" +
                LoginCommand(provider) + "`, or set " + OAuthKeyMarkers.MiniMaxTokenVariable + ". The marker itself is never sent as a key.",
                providerWide: true);
        }

        return new OAuthAccess(token!, null, null);
    }

    private async Task<OAuthToken> RefreshAsync(ProviderInfo provider, OAuthToken token, CancellationToken cancellationToken)
    {
        OAuthToken renewed;
        try
        {
            renewed = await MiniMaxOAuth.RefreshAsync(_httpClient, token, MiniMaxOAuth.DefaultAuthorizationServer(provider), _clock, cancellationToken).ConfigureAwait(false);
        }
        catch (MiniMaxOAuthException refused) when (refused.IsGrantRefused)
        {
            // The sign-in is dead (revoked or expired refresh token): remove it, unless a new login replaced it meanwhile,
            // so later calls say "not signed in" instead of retrying a token that can never work.
            _cache.TryRemove(SignIn(provider), out _);
            if (_store is not null && await _store.GetAsync(SignIn(provider), cancellationToken).ConfigureAwait(false) is { } stored &&
                string.Equals(stored.RefreshToken, token.RefreshToken, StringComparison.Ordinal))
            {
                await _store.RemoveAsync(SignIn(provider), cancellationToken).ConfigureAwait(false);
            }

            throw new ProviderFailureException(FailureReason.Authentication,
                "The MiniMax OAuth sign-in of provider '" + provider.Id + "' could not be renewed (" + refused.Message + "); run `" + LoginCommand(provider) + "` again.",
                statusCode: refused.HttpStatusCode, errorCode: refused.Error, providerWide: true);
        }
        catch (MiniMaxOAuthException failed)
        {
            var reason = failed.InnerException is HttpRequestException ? FailureReason.Network
                : failed.HttpStatusCode is >= 500 ? FailureReason.ServerError
                : FailureReason.InvalidResponse;
            throw new ProviderFailureException(reason,
                "Renewing the MiniMax OAuth sign-in of provider '" + provider.Id + "' failed: " + failed.Message, statusCode: failed.HttpStatusCode, errorCode: failed.Error);
        }

        if (_store is not null)
        {
            await _store.SetAsync(SignIn(provider), renewed, cancellationToken).ConfigureAwait(false);
        }

        return renewed;
    }

    private static ProviderFailureException SignInAgain(ProviderInfo provider, string why) =>
        new(FailureReason.Authentication, "The MiniMax OAuth sign-in of provider '" + provider.Id + "' " + why + "; run `" + LoginCommand(provider) + "` again.", providerWide: true);

    /// <summary>The command that signs a provider in: <c>modelcatalog login minimax</c>, with <c>--region cn</c> for the China one.</summary>
    internal static string LoginCommand(ProviderInfo provider) =>
        MiniMaxOAuth.DefaultAuthorizationServer(provider) == MiniMaxOAuth.ChinaAuthorizationServer ? "modelcatalog login minimax --region cn" : "modelcatalog login minimax";
}
