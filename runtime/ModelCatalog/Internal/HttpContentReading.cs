using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace ModelCatalog.Internal;

/// <summary>
/// Reads a response body with the caller's cancellation token where the framework can take it (.NET 5+); netstandard2.0's
/// <see cref="HttpContent"/> has no such overload, and there the request's own token (already passed to SendAsync) bounds it.
/// </summary>
internal static class HttpContentReading
{
    public static Task<Stream> ReadBodyStreamAsync(this HttpContent content, CancellationToken cancellationToken) =>
#if NET
        content.ReadAsStreamAsync(cancellationToken);
#else
        content.ReadAsStreamAsync();
#endif

    public static Task<byte[]> ReadBodyBytesAsync(this HttpContent content, CancellationToken cancellationToken) =>
#if NET
        content.ReadAsByteArrayAsync(cancellationToken);
#else
        content.ReadAsByteArrayAsync();
#endif
}
