using System;

namespace ModelCatalog.Generator.Validation;

/// <summary>
/// The key markers of OpenClaw's per-agent <c>models.json</c> (README.md, "OpenClaw's per-agent models.json"): OpenClaw writes names,
/// never key values, into that file. Used only for a file read as <c>models.json</c> (root <c>providers</c>, no
/// <c>models</c>); in a models.yaml these strings are ordinary (literal) values.
/// </summary>
internal static class ModelsJsonKeyMarkers
{
    private const string EnvPrefix = "secretref-env:";

    /// <summary>What a marker means.</summary>
    public enum Kind
    {
        /// <summary>Not a marker, or the OAuth marker <c>minimax-oauth</c>: the value is used as written.</summary>
        None,

        /// <summary>An environment variable (a bare upper-case name, <c>secretref-env:NAME</c>, <c>secretref-managed</c>): see the reference.</summary>
        Variable,

        /// <summary>The provider is called without a key (<c>ollama-local</c>, <c>custom-local</c>, <c>oauth:</c> profiles the runtime cannot sign in to).</summary>
        NoKey,
    }

    /// <summary>
    /// Translates an <c>apiKey</c> (<paramref name="isApiKey"/>) or header value of provider <paramref name="providerId"/>.
    /// For <see cref="Kind.Variable"/>, <paramref name="reference"/> is the <c>${NAME}</c> reference it stands for
    /// (<c>secretref-managed</c>: the resolver's <c>${&lt;ID&gt;_API_KEY}</c>, the MC0006 naming rule). Header values
    /// know only <c>secretref-env:NAME</c>: a bare upper-case header value is text.
    /// </summary>
    public static Kind Translate(string value, string providerId, bool isApiKey, out string? reference)
    {
        reference = null;
        var text = value.Trim();
        if (!isApiKey)
        {
            return text.StartsWith(EnvPrefix, StringComparison.Ordinal) && IsName(text.Substring(EnvPrefix.Length), out reference) ? Kind.Variable : Kind.None;
        }

        switch (text)
        {
            case "ollama-local":
            case "custom-local":
            case "gcp-vertex-credentials":
                return Kind.NoKey;
            case OAuthKeyMarkers.MiniMax:
                // Kept as written: the runtime sends the signed-in token in its place (OAuthKeyMarkers).
                return Kind.None;
            case "secretref-managed":
                reference = "${" + VariableReferences.ApiKeyName(providerId) + "}";
                return Kind.Variable;
        }

        if (text.StartsWith("oauth:", StringComparison.Ordinal))
        {
            return Kind.NoKey;
        }

        var name = text.StartsWith(EnvPrefix, StringComparison.Ordinal) ? text.Substring(EnvPrefix.Length) : text;
        return IsName(name, out reference) ? Kind.Variable : Kind.None;
    }

    private static bool IsName(string name, out string? reference)
    {
        reference = VariableReferences.IsName(name) ? "${" + name + "}" : null;
        return reference is not null;
    }
}
