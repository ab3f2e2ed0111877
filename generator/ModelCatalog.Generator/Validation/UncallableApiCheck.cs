using System.Collections.Generic;
using ModelCatalog.Generator.Diagnostics;
using ModelCatalog.Generator.Model;

namespace ModelCatalog.Generator.Validation;

/// <summary>
/// MC0013: the primary, a fallback or an alias target resolves to a model whose effective <c>api</c> (the model's own
/// <c>api</c>, else its provider's) is one of OpenClaw's kinds that <c>CatalogChatClient</c> does not speak (README.md, MC0013:
/// anthropic-messages, openai-completions, openai-responses). Such a config is valid, but every default request to the
/// model fails at run time. Runs after the ref validator and judges only the refs it resolved.
/// </summary>
internal static class UncallableApiCheck
{
    public static void Check(IEnumerable<ResolvedRef> refs, List<CatalogDiagnostic> diagnostics)
    {
        var reported = new HashSet<TextRange>();
        foreach (var resolved in refs)
        {
            if (resolved.Role == RefRole.Allowlisted)
            {
                continue; // the allowlist only permits a model; nothing is sent to it by default
            }

            var api = resolved.Model.Api ?? resolved.Provider.Api;
            if (api is null || KnownKeys.IsCallable(api) || !reported.Add(resolved.Range))
            {
                continue;
            }

            var modelRef = resolved.Provider.Id + "/" + resolved.Model.Id;
            diagnostics.Add(new CatalogDiagnostic(DiagnosticIds.UncallableApi, resolved.Range,
                Role(resolved.Role) + " '" + modelRef + "' uses api '" + api + "', which CatalogChatClient cannot call (it calls " +
                "anthropic-messages, openai-completions and openai-responses); every request to it will fail: point it at a model with a callable api, " +
                "or set api: on the model if its endpoint also speaks one of those"));
        }
    }

    private static string Role(RefRole role) => role switch
    {
        RefRole.Primary => "primary",
        RefRole.Fallback => "fallback",
        _ => "alias target",
    };
}
