using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using System.Text;
using ModelCatalog.Listing;

namespace ModelCatalog.Cli.Commands;

/// <summary>
/// <c>status</c>: the resolved primary, fallbacks and aliases, and whether each provider they use has its key
/// (like <c>openclaw models status</c>); <c>--check</c> exits 1 when one has none.
/// </summary>
internal static class StatusCommand
{
    public static Command Create(CliContext context)
    {
        var check = new Option<bool>("--check") { Description = "Exit 1 when a provider the primary or a fallback needs has no key." };
        var file = CommonOptions.File();
        var command = new Command("status", "Show the resolved primary, fallbacks, aliases and the auth of each provider they use.") { check, file };
        command.SetAction(parse =>
        {
            var catalogFile = CatalogFile.Load(context, parse.GetValue(file));
            var catalog = catalogFile.Catalog;
            var text = new StringBuilder();
            text.Append("Catalog   : ").Append(catalogFile.Path).Append('\n');
            text.Append("Default   : ").Append(catalog.Primary ?? "-").Append('\n');
            text.Append("Fallbacks (").Append(catalog.Fallbacks.Count).Append("): ").Append(catalog.Fallbacks.Count == 0 ? "-" : string.Join(", ", catalog.Fallbacks)).Append('\n');
            text.Append("Aliases (").Append(catalog.Aliases.Count).Append("): ")
                .Append(catalog.Aliases.Count == 0 ? "-" : string.Join(", ", catalog.Aliases.OrderBy(a => a.Key, System.StringComparer.Ordinal).Select(a => a.Key + " -> " + a.Value)))
                .Append('\n');

            // The providers the chain (primary, then fallbacks) calls, in first-use order.
            var used = new List<ProviderInfo>();
            foreach (var modelRef in new[] { catalog.Primary }.OfType<string>().Concat(catalog.Fallbacks))
            {
                if (catalog.TryResolve(modelRef, out var model) && catalog.GetProvider(model.Provider) is var provider && !used.Contains(provider))
                {
                    used.Add(provider);
                }
            }

            text.Append("Auth:\n");
            var missing = new List<ProviderInfo>();
            foreach (var provider in used)
            {
                bool hasKey = ModelsTable.HasKey(provider, context.GetVariable, context.TokenStore);
                if (!hasKey)
                {
                    missing.Add(provider);
                }

                text.Append("- ").Append(provider.Id).Append(": ").Append(hasKey ? "yes" : "no").Append(" (").Append(KeySource(provider, context)).Append(")\n");
            }

            if (used.Count == 0)
            {
                text.Append("- none (no primary or fallback)\n");
            }

            context.Output.Write(text.ToString());
            if (parse.GetValue(check) && missing.Count > 0)
            {
                context.Error.WriteLine("modelcatalog: no key for " + string.Join(", ", missing.Select(p => p.Id + " (" + KeySource(p, context) + ")")));
                return ExitCodes.Failed;
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>
    /// Where the key comes from, never the key itself: the <c>${VAR}</c> reference, "literal" or "no apiKey"; for an OAuth
    /// provider the sign-in file or <c>${MINIMAX_OAUTH_TOKEN}</c>, and the login command when neither is there.
    /// </summary>
    private static string KeySource(ProviderInfo provider, CliContext context)
    {
        if (MiniMaxOAuth.IsOAuthProvider(provider))
        {
            var signIn = MiniMaxOAuth.SignInId(provider);
            var login = "modelcatalog login minimax" + (signIn == MiniMaxOAuth.ChinaProviderId ? " --region cn" : "");
            return context.TokenStore.Contains(signIn) ? "OAuth sign-in " + context.TokenStore.GetPath(signIn)
                : !string.IsNullOrEmpty(context.GetVariable(MiniMaxOAuth.TokenVariable)) ? "OAuth token ${" + MiniMaxOAuth.TokenVariable + "}"
                : "OAuth: not signed in; run " + login;
        }

        return provider.ApiKey is { } key ? (key.Contains("${") ? key : "literal key") : provider.IsApiKeyOmitted ? "literal key not compiled in" : "no apiKey";
    }
}
