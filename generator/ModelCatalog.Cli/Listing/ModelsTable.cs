using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace ModelCatalog.Listing;

// Shared source: compiled into the modelcatalog tool and linked into samples/Quickstart, so both print exactly
// OpenClaw's `models list` table (README.md, "Command-line tool"). Uses only the runtime's public API.

/// <summary>One row of <c>models list</c>: a configured or registry model, or a configured ref that does not resolve.</summary>
internal sealed class ModelsListRow
{
    public ModelsListRow(string key, ModelInfo? model, ProviderInfo? provider, bool? available, IReadOnlyList<string> tags)
    {
        Key = key;
        Model = model;
        Provider = provider;
        Available = available;
        Tags = tags;
    }

    /// <summary>The canonical <c>provider/model</c> ref (as written when it does not resolve).</summary>
    public string Key { get; }

    /// <summary>The model; <c>null</c> for a <c>missing</c> row.</summary>
    public ModelInfo? Model { get; }

    public ProviderInfo? Provider { get; }

    /// <summary>Whether the provider's credentials are available; <c>null</c> for a <c>missing</c> row.</summary>
    public bool? Available { get; }

    /// <summary><c>default</c>, <c>fallback#N</c>, <c>configured</c>, <c>alias:a,b</c>, <c>missing</c>, in that order.</summary>
    public IReadOnlyList<string> Tags { get; }

    public bool Missing => Model is null;

    /// <summary>OpenClaw's Input column: <c>text</c> or <c>text+image</c>.</summary>
    public string? Input => Model is null ? null : Model.Input.HasFlag(ModelInput.Image) ? "text+image" : "text";

    /// <summary>Whether the base URL is loopback or <c>*.local</c>.</summary>
    public bool? Local => Provider?.IsLoopback;
}

/// <summary>Builds and prints OpenClaw's <c>models list</c> rows.</summary>
internal static class ModelsTable
{
    private static readonly string[] MissingTags = { "configured", "missing" };

    /// <summary>The header line: Model (42), Input (10), Ctx (8), Local (5), Auth (5), Tags.</summary>
    public static readonly string Header = Line("Model", "Input", "Ctx", "Local", "Auth", "Tags");

    /// <summary>
    /// OpenClaw's default rows: the primary, the fallbacks, then every key of <c>agents.defaults.models</c>, each once.
    /// <paramref name="configuredRefs"/> are the refs as written (a ref that does not resolve becomes a <c>missing</c> row).
    /// </summary>
    public static List<ModelsListRow> ConfiguredRows(Catalog catalog, IEnumerable<string> configuredRefs, Func<ProviderInfo, bool> hasKey)
    {
        var rows = new List<ModelsListRow>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var configured in configuredRefs)
        {
            if (catalog.TryResolve(configured, out var model))
            {
                if (seen.Add(model.Ref))
                {
                    rows.Add(Row(catalog, model, hasKey));
                }
            }
            else if (seen.Add(configured))
            {
                rows.Add(new ModelsListRow(configured, null, null, null, MissingTags));
            }
        }

        return rows;
    }

    /// <summary><c>--all</c>: every model of the registry, sorted by provider id then model id (ordinal).</summary>
    public static List<ModelsListRow> AllRows(Catalog catalog, Func<ProviderInfo, bool> hasKey) =>
        catalog.Models
            .OrderBy(m => m.Provider, StringComparer.Ordinal).ThenBy(m => m.Id, StringComparer.Ordinal)
            .Select(m => Row(catalog, m, hasKey)).ToList();

    /// <summary>The configured refs of a catalog as the runtime holds them: primary, fallbacks, allowlist.</summary>
    public static IEnumerable<string> ConfiguredRefs(Catalog catalog) =>
        new[] { catalog.Primary }.OfType<string>().Concat(catalog.Fallbacks).Concat(catalog.Allowlist);

    /// <summary>The table: header, then one line per row, each ending with <c>\n</c>.</summary>
    public static string Format(IEnumerable<ModelsListRow> rows)
    {
        var text = new StringBuilder(Header).Append('\n');
        foreach (var row in rows)
        {
            text.Append(row.Missing
                ? Line(row.Key, "-", "-", "-", "-", string.Join(",", row.Tags))
                : Line(row.Key, row.Input!, Ctx(row.Model!.ContextWindow), YesNo(row.Local), YesNo(row.Available), string.Join(",", row.Tags)));
            text.Append('\n');
        }

        return text.ToString();
    }

    /// <summary>OpenClaw's Ctx column: <c>round(contextWindow / 1024)</c> + <c>k</c>, rounding halves up (200000 → 195k, 204800 → 200k).</summary>
    public static string Ctx(int contextWindow) =>
        ((long)Math.Floor(contextWindow / 1024.0 + 0.5)).ToString(CultureInfo.InvariantCulture) + "k";

    /// <summary>
    /// Credentials are available by the client's own key rule (<see cref="ProviderInfo.HasApiKey"/>): a placeholder key, or
    /// a key variable that is set, or whose <c>env:</c> alias target is set (<paramref name="getVariable"/>, usually the
    /// environment).
    /// </summary>
    /// <summary>Whether a call to <paramref name="provider"/> would carry a key now; an OAuth provider's sign-in is looked up in <paramref name="tokenStore"/>.</summary>
    public static bool HasKey(ProviderInfo provider, Func<string, string?> getVariable, FileOAuthTokenStore tokenStore)
    {
        var secrets = new DelegateSecretResolver(name => getVariable(name));
        return MiniMaxOAuth.IsOAuthProvider(provider) ? MiniMaxOAuth.HasSignIn(provider, tokenStore, secrets) : provider.HasApiKey(secrets);
    }

    private static ModelsListRow Row(Catalog catalog, ModelInfo model, Func<ProviderInfo, bool> hasKey)
    {
        var provider = catalog.GetProvider(model.Provider);
        return new ModelsListRow(model.Ref, model, provider, hasKey(provider), Tags(catalog, model.Ref).ToArray());
    }

    private static IEnumerable<string> Tags(Catalog catalog, string modelRef)
    {
        if (catalog.Primary is { } primary && catalog.TryResolve(primary, out var resolved) && resolved.Ref == modelRef)
        {
            yield return "default";
        }

        for (int i = 0; i < catalog.Fallbacks.Count; i++)
        {
            if (catalog.TryResolve(catalog.Fallbacks[i], out var fallback) && fallback.Ref == modelRef)
            {
                yield return "fallback#" + (i + 1).ToString(CultureInfo.InvariantCulture);
            }
        }

        if (catalog.Allowlist.Contains(modelRef))
        {
            yield return "configured";
        }

        var aliases = catalog.Aliases.Where(a => a.Value == modelRef).Select(a => a.Key).ToArray();
        if (aliases.Length > 0)
        {
            yield return "alias:" + string.Join(",", aliases);
        }
    }

    private static string YesNo(bool? value) => value is null ? "-" : value.Value ? "yes" : "no";

    private static string Line(string model, string input, string ctx, string local, string auth, string tags) =>
        model.PadRight(42) + " " + input.PadRight(10) + " " + ctx.PadRight(8) + " " + local.PadRight(5) + " " + auth.PadRight(5) + " " + tags;
}
