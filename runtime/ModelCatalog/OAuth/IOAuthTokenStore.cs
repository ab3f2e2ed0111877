using System.Threading;
using System.Threading.Tasks;

namespace ModelCatalog;

/// <summary>
/// Where OAuth sign-ins are kept, by sign-in id (ignoring case; MiniMax: <c>minimax-portal</c> or <c>minimax-portal-cn</c>, one per
/// region, <see cref="MiniMaxOAuth.SignInId"/>): <c>modelcatalog login</c> writes them, and
/// <see cref="CatalogChatClient"/> reads them and writes renewed tokens back. The default is
/// <see cref="FileOAuthTokenStore"/> (a file per provider in the user profile); implement this interface to keep them
/// elsewhere (a secret vault, a database). Implementations must be thread-safe.
/// </summary>
public interface IOAuthTokenStore
{
    /// <summary>The stored token of <paramref name="providerId"/>, or <c>null</c> when there is none.</summary>
    Task<OAuthToken?> GetAsync(string providerId, CancellationToken cancellationToken = default);

    /// <summary>Stores (or replaces) the token of <paramref name="providerId"/>.</summary>
    Task SetAsync(string providerId, OAuthToken token, CancellationToken cancellationToken = default);

    /// <summary>Removes the token of <paramref name="providerId"/>; <c>true</c> when there was one.</summary>
    Task<bool> RemoveAsync(string providerId, CancellationToken cancellationToken = default);
}
