using Microsoft.CodeAnalysis;

namespace ModelCatalog.Analyzers;

/// <summary>Where an <c>IChatClient</c> value comes from, as far as the compilation shows.</summary>
internal enum ClientOrigin
{
    /// <summary>Not known here: a parameter (dependency injection), a service lookup, a mix of sources.</summary>
    Unknown,

    /// <summary>A <c>ModelCatalog.CatalogChatClient</c> (possibly wrapped in middleware).</summary>
    Catalog,

    /// <summary>Another client: an SDK adapter (<c>AsIChatClient()</c>), another <c>IChatClient</c> class.</summary>
    Foreign,
}

/// <summary>
/// The client a value reaches: an origin known on the spot, or a local, field or property whose writes (recorded over
/// the whole compilation) decide it once the compilation has been seen.
/// </summary>
internal readonly struct ClientTarget
{
    private ClientTarget(ClientOrigin origin, ISymbol? holder)
    {
        Origin = origin;
        Holder = holder;
    }

    public ClientOrigin Origin { get; }

    /// <summary>The variable that holds the client; <c>null</c> when <see cref="Origin"/> is final.</summary>
    public ISymbol? Holder { get; }

    public static ClientTarget Of(ClientOrigin origin) => new(origin, null);

    public static ClientTarget InHolder(ISymbol holder) => new(ClientOrigin.Unknown, holder);
}
