using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ModelCatalog.Internal;

namespace ModelCatalog;

/// <summary>
/// The MiniMax Coding Plan "remains" call: <c>GET {origin of the provider's baseUrl}/v1/api/openplatform/coding_plan/remains</c>.
/// Keys are region-bound, so the call goes to the host of the given provider (<c>minimax</c> → api.minimax.io,
/// <c>minimax-cn</c> → api.minimaxi.com).
/// </summary>
public static class MiniMaxCodingPlan
{
    /// <summary>The path of the remains call, below the provider's origin.</summary>
    public const string RemainsPath = "/v1/api/openplatform/coding_plan/remains";

    /// <summary>The remains URL for <paramref name="provider"/> (its base URL's scheme, host and port, plus <see cref="RemainsPath"/>).</summary>
    /// <exception cref="MiniMaxCodingPlanException">The base URL holds a variable that is not set, or is not an absolute URL.</exception>
    public static Uri GetRemainsUrl(ProviderInfo provider, ISecretResolver? secretResolver = null)
    {
        if (provider is null)
        {
            throw new ArgumentNullException(nameof(provider));
        }

        string baseUrl;
        try
        {
            baseUrl = ProviderSecrets.Expand(provider, provider.BaseUrl, secretResolver ?? EnvironmentSecretResolver.Instance, "the base URL", providerWide: true);
        }
        catch (ProviderFailureException failure)
        {
            throw new MiniMaxCodingPlanException(failure.Message);
        }

        return RemainsUrl(provider, baseUrl);
    }

    private static Uri RemainsUrl(ProviderInfo provider, string baseUrl)
    {
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri))
        {
            throw new MiniMaxCodingPlanException("The base URL of provider '" + provider.Id + "' is not an absolute URL.");
        }

        return new Uri(uri.GetLeftPart(UriPartial.Authority) + RemainsPath);
    }

    private static string? CodingPlanKey(ProviderInfo provider, ISecretResolver secrets)
    {
        foreach (var name in CodingPlanKeyVariables)
        {
            if (ProviderSecrets.TryExpand("${" + name + "}", secrets, provider.EnvironmentAliases, out _) is { Length: > 0 } key)
            {
                return key;
            }
        }

        return null;
    }

    /// <summary>
    /// The keys the remains call prefers over a key provider's own apiKey, in order (reference openclaw-config.md §11.6:
    /// portal OAuth token, MINIMAX_OAUTH_TOKEN, MINIMAX_CODE_PLAN_KEY, MINIMAX_CODING_API_KEY, MINIMAX_API_KEY; the first
    /// two belong to the OAuth providers).
    /// </summary>
    private static readonly string[] CodingPlanKeyVariables = { "MINIMAX_CODE_PLAN_KEY", "MINIMAX_CODING_API_KEY" };

    /// <summary>
    /// Fetches the remaining Coding Plan quota with the provider's key or sign-in (<c>Authorization: Bearer</c>): <see cref="GetRemainsWithStoreAsync"/>
    /// with the sign-ins of <see cref="FileOAuthTokenStore.Default"/>.
    /// </summary>
    /// <param name="provider">The MiniMax provider (<c>minimax</c> or <c>minimax-cn</c>) whose origin and key to use.</param>
    /// <param name="httpClient">The HTTP client to send with.</param>
    /// <param name="secretResolver">Resolves <c>${VAR}</c> references; default: environment variables.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="MiniMaxCodingPlanException">No key, an HTTP error, <c>base_resp.status_code != 0</c>, or an unreadable body. The message never holds the key.</exception>
    public static Task<MiniMaxCodingPlanRemains> GetRemainsAsync(
        ProviderInfo provider, HttpClient httpClient, ISecretResolver? secretResolver = null, CancellationToken cancellationToken = default) =>
        GetRemainsWithStoreAsync(provider, httpClient, FileOAuthTokenStore.Default, secretResolver, cancellationToken);

    /// <summary>
    /// Fetches the remaining Coding Plan quota. A signed-in provider (<c>minimax-portal</c>, <c>minimax-portal-cn</c>: apiKey
    /// <c>minimax-oauth</c>) uses its stored sign-in from <paramref name="tokenStore"/> (renewed when about to expire; its
    /// <c>resource_url</c> origin), else <c>${MINIMAX_OAUTH_TOKEN}</c>; a key provider uses <c>${MINIMAX_CODE_PLAN_KEY}</c>,
    /// then <c>${MINIMAX_CODING_API_KEY}</c>, then its own apiKey (reference §11.6).
    /// </summary>
    /// <param name="provider">The MiniMax provider whose origin and credential to use.</param>
    /// <param name="httpClient">The HTTP client to send with.</param>
    /// <param name="tokenStore">Where sign-ins are kept (<c>null</c>: only <c>${MINIMAX_OAUTH_TOKEN}</c>).</param>
    /// <param name="secretResolver">Resolves <c>${VAR}</c> references; default: environment variables.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="MiniMaxCodingPlanException">No key or sign-in, an HTTP error, <c>base_resp.status_code != 0</c>, or an unreadable body. The message never holds a key or token.</exception>
    public static async Task<MiniMaxCodingPlanRemains> GetRemainsWithStoreAsync(
        ProviderInfo provider, HttpClient httpClient, IOAuthTokenStore? tokenStore, ISecretResolver? secretResolver = null, CancellationToken cancellationToken = default)
    {
        if (httpClient is null)
        {
            throw new ArgumentNullException(nameof(httpClient));
        }

        var secrets = secretResolver ?? EnvironmentSecretResolver.Instance;
        OAuthSessions? sessions = null;
        OAuthAccess? access = null;
        Uri url;
        string? apiKey;
        try
        {
            if (MiniMaxOAuth.IsOAuthProvider(provider))
            {
                sessions = new OAuthSessions(tokenStore, httpClient, () => DateTimeOffset.UtcNow);
                access = await sessions.GetAsync(provider, secrets, cancellationToken).ConfigureAwait(false);
                url = access.BaseUrl is { } resourceUrl ? RemainsUrl(provider, resourceUrl) : GetRemainsUrl(provider, secrets);
                apiKey = access.AccessToken;
            }
            else
            {
                url = GetRemainsUrl(provider, secrets);
                apiKey = CodingPlanKey(provider, secrets) ?? ProviderSecrets.ResolveApiKey(provider, secrets);
            }
        }
        catch (ProviderFailureException failure)
        {
            throw new MiniMaxCodingPlanException(failure.Message);
        }

        var (status, body) = await SendAsync(httpClient, url, apiKey, cancellationToken).ConfigureAwait(false);
        if (status == 401 && sessions is not null && access is not null)
        {
            // A signed-in provider's 401: renew the sign-in once and ask again, as the chat client does.
            try
            {
                access = await sessions.RenewAfterUnauthorizedAsync(provider, access, cancellationToken).ConfigureAwait(false);
            }
            catch (ProviderFailureException failure)
            {
                throw new MiniMaxCodingPlanException(failure.Message, status);
            }

            if (access is not null)
            {
                apiKey = access.AccessToken;
                (status, body) = await SendAsync(httpClient, url, apiKey, cancellationToken).ConfigureAwait(false);
            }
        }

        var secretList = apiKey is null ? Array.Empty<string>() : new[] { apiKey };
        if (status is < 200 or >= 300)
        {
            ProviderErrorReader.ReadError(body, out _, out _, out var message);
            throw new MiniMaxCodingPlanException(
                "The Coding Plan quota call failed with HTTP " + status.ToString(CultureInfo.InvariantCulture) +
                (message is null ? "." : ": " + SecretRedactor.Redact(message, secretList)),
                status);
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return Parse(document.RootElement, secretList);
        }
        catch (JsonException exception)
        {
            throw new MiniMaxCodingPlanException("The Coding Plan quota response is not valid JSON.", status, null, exception);
        }
    }

    private static async Task<(int Status, byte[] Body)> SendAsync(HttpClient httpClient, Uri url, string? apiKey, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (apiKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + apiKey);
        }

        request.Headers.Accept.ParseAdd("application/json");
        using var response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        return ((int)response.StatusCode, await response.Content.ReadBodyBytesAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Parses a remains body: <c>model_remains</c> at the top level or under <c>data</c>.</summary>
    internal static MiniMaxCodingPlanRemains Parse(JsonElement root, IReadOnlyList<string>? secrets = null)
    {
        if (ProviderErrorReader.TryReadMiniMaxStatus(root, out var code, out var statusMessage) && code != 0)
        {
            throw new MiniMaxCodingPlanException(
                "MiniMax rejected the Coding Plan quota call: " + code.ToString(CultureInfo.InvariantCulture) + " " +
                SecretRedactor.Redact(statusMessage, secrets), null, code);
        }

        if (!JsonHelpers.TryGetArray(root, "model_remains", out var rows) &&
            !(JsonHelpers.TryGetObject(root, "data", out var data) && JsonHelpers.TryGetArray(data, "model_remains", out rows)))
        {
            throw new MiniMaxCodingPlanException("The Coding Plan quota response has no model_remains.");
        }

        var models = new List<MiniMaxModelRemains>(rows.GetArrayLength());
        foreach (var row in rows.EnumerateArray())
        {
            models.Add(new MiniMaxModelRemains(
                JsonHelpers.GetString(row, "model_name") ?? string.Empty,
                Number(row, "current_interval_total_count") ?? 0,
                Number(row, "current_interval_usage_count") ?? 0,
                Number(row, "current_weekly_total_count"),
                Number(row, "current_weekly_usage_count"),
                Time(row, "start_time"),
                Time(row, "end_time")));
        }

        return new MiniMaxCodingPlanRemains(models);
    }

    // Counts arrive as numbers or numeric strings depending on the endpoint version.
    private static long? Number(JsonElement row, string name) => JsonHelpers.GetInt64OrNumericString(row, name);

    // Epoch milliseconds (MiniMax) or seconds: values below 10^11 are taken as seconds.
    private static DateTimeOffset? Time(JsonElement row, string name)
    {
        if (Number(row, name) is not { } value || value <= 0)
        {
            return null;
        }

        return value < 100_000_000_000 ? DateTimeOffset.FromUnixTimeSeconds(value) : DateTimeOffset.FromUnixTimeMilliseconds(value);
    }
}
