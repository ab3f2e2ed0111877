using System;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ModelCatalog.Analyzers;

/// <summary>
/// The <c>ModelCatalogCheckChatOptions</c> MSBuild property (README.md, "Model refs in C#"): when a <c>ChatOptions.ModelId</c> value is judged
/// as a catalog ref.
/// </summary>
internal enum ChatOptionsCheckMode
{
    /// <summary>The default: only on evidence that the value targets the catalog.</summary>
    Auto,

    /// <summary>Every value, as if it were passed to a <c>CatalogChatClient</c> (a project whose only client is the catalog's).</summary>
    Always,

    /// <summary>Never (values in <c>[ModelRef]</c> positions are still checked).</summary>
    Never,
}

internal static class ChatOptionsCheckModeReader
{
    public const string PropertyKey = "build_property.ModelCatalogCheckChatOptions";

    /// <summary>
    /// The configured mode; <see cref="ChatOptionsCheckMode.Auto"/> when unset. Any other value stops the build in
    /// ModelCatalog.targets before the compiler runs, so the fallback here only serves IDE sessions of such a project.
    /// </summary>
    public static ChatOptionsCheckMode Read(AnalyzerConfigOptions globalOptions)
    {
        if (!globalOptions.TryGetValue(PropertyKey, out var value) || value is null)
        {
            return ChatOptionsCheckMode.Auto;
        }

        value = value.Trim();
        return string.Equals(value, "always", StringComparison.OrdinalIgnoreCase) ? ChatOptionsCheckMode.Always
            : string.Equals(value, "never", StringComparison.OrdinalIgnoreCase) ? ChatOptionsCheckMode.Never
            : ChatOptionsCheckMode.Auto;
    }
}
