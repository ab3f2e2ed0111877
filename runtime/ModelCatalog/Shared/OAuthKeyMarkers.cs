namespace ModelCatalog;

/// <summary>
/// OpenClaw's OAuth key markers (shared/reference/openclaw-config.md §11.5): an <c>apiKey</c> that names a sign-in, not a
/// key. The marker is compiled in as written (it is no secret, so no MC0006) and the runtime sends the signed-in
/// access token in its place, never the marker itself (OpenClaw bug #79731). Shared by the generator and the runtime.
/// </summary>
internal static class OAuthKeyMarkers
{
    /// <summary>MiniMax Coding Plan OAuth (<c>minimax-portal</c>, <c>minimax-portal-cn</c>; <c>modelcatalog login minimax</c>).</summary>
    public const string MiniMax = "minimax-oauth";

    /// <summary>The variable that may hold a MiniMax OAuth access token instead of a stored sign-in (reference §11.1).</summary>
    public const string MiniMaxTokenVariable = "MINIMAX_OAUTH_TOKEN";

    /// <summary><c>true</c> when <paramref name="apiKey"/> is an OAuth marker (compared exactly, as OpenClaw does).</summary>
    public static bool IsMarker(string? apiKey) => string.Equals(apiKey, MiniMax, System.StringComparison.Ordinal);
}
