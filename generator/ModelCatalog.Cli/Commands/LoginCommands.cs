using System;
using System.CommandLine;
using System.Globalization;
using System.Threading.Tasks;

namespace ModelCatalog.Cli.Commands;

/// <summary>
/// <c>login minimax</c> and <c>logout minimax</c>: the MiniMax Coding Plan OAuth sign-in (user code + PKCE S256, through
/// the runtime's <see cref="MiniMaxOAuth"/>), stored in the context's token store under <c>minimax-portal</c> or
/// <c>minimax-portal-cn</c>, where <see cref="CatalogChatClient"/> and <c>remains</c> find it.
/// </summary>
internal static class LoginCommands
{
    private const string Global = "global";
    private const string China = "cn";

    public static Command CreateLogin(CliContext context)
    {
        var service = Service();
        var region = Region("The MiniMax region: global (api.minimax.io, provider minimax-portal) or cn (api.minimaxi.com, provider minimax-portal-cn).");
        region.DefaultValueFactory = _ => Global;
        var baseUrl = new Option<string?>("--base-url")
        {
            Description = "The OAuth server (default: https://api.minimax.io, or https://api.minimaxi.com with --region cn).",
            HelpName = "URL",
        };
        var clientId = new Option<string?>("--client-id") { Description = "The OAuth client id (default: MiniMax's public client id for this flow).", HelpName = "ID" };
        var command = new Command("login", "Sign in to the MiniMax Coding Plan with OAuth (no API key): prints a page and a code to approve, then stores the tokens.")
        {
            service, region, baseUrl, clientId,
        };
        command.SetAction((parse, cancellationToken) =>
            LoginAsync(context, parse.GetValue(region)!, parse.GetValue(baseUrl), parse.GetValue(clientId), cancellationToken));
        return command;
    }

    public static Command CreateLogout(CliContext context)
    {
        var service = Service();
        var region = Region("Sign out of one region only (default: both).");
        var command = new Command("logout", "Delete the stored MiniMax OAuth sign-in.") { service, region };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var regions = parse.GetValue(region) is { } one ? new[] { one } : new[] { Global, China };
            bool any = false;
            foreach (var name in regions)
            {
                var provider = ProviderOf(name);
                if (await context.TokenStore.RemoveAsync(provider, cancellationToken).ConfigureAwait(false))
                {
                    context.Output.WriteLine("Signed out of " + provider + " (deleted " + context.TokenStore.GetPath(provider) + ").");
                    any = true;
                }
            }

            if (!any)
            {
                context.Output.WriteLine("Not signed in to MiniMax; nothing to delete.");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<int> LoginAsync(CliContext context, string region, string? baseUrl, string? clientId, System.Threading.CancellationToken cancellationToken)
    {
        var provider = ProviderOf(region);
        var server = region == China ? MiniMaxOAuth.ChinaAuthorizationServer : MiniMaxOAuth.GlobalAuthorizationServer;
        if (baseUrl is not null)
        {
            if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var custom) || (custom.Scheme != Uri.UriSchemeHttps && custom.Scheme != Uri.UriSchemeHttp))
            {
                throw new CliException("--base-url '" + baseUrl + "' is not an absolute http(s) URL; write e.g. https://api.minimax.io");
            }

            server = custom;
        }

        using var http = context.CreateHttpClient();
        OAuthToken token;
        try
        {
            var authorization = await MiniMaxOAuth.StartLoginAsync(http, server, clientId, context.Clock, cancellationToken).ConfigureAwait(false);
            var minutes = Math.Max(0, (int)Math.Round((authorization.ExpiresAt - context.Clock.GetUtcNow()).TotalMinutes));
            context.Output.WriteLine("Open " + authorization.VerificationUri);
            context.Output.WriteLine("and approve the sign-in with the code " + authorization.UserCode + " (valid for " + minutes.ToString(CultureInfo.InvariantCulture) + " min).");
            context.Output.WriteLine("Waiting for approval…");
            context.Output.Flush();
            token = await MiniMaxOAuth.CompleteLoginAsync(http, authorization, context.Clock, cancellationToken).ConfigureAwait(false);
        }
        catch (MiniMaxOAuthException e)
        {
            throw new CliException(e.Message, ExitCodes.Failed);
        }

        await context.TokenStore.SetAsync(provider, token, cancellationToken).ConfigureAwait(false);
        context.Output.WriteLine("Signed in: provider " + provider + (token.ResourceUrl is null ? "" : " at " + token.ResourceUrl) +
            (token.ExpiresAt is { } expires ? ", token valid until " + expires.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC (renewed automatically)" : "") + ".");
        context.Output.WriteLine("Stored in " + context.TokenStore.GetPath(provider) + " (owner-only). Use models like " + provider + "/MiniMax-M2.7.");
        return ExitCodes.Ok;
    }

    private static string ProviderOf(string region) => region == China ? MiniMaxOAuth.ChinaProviderId : MiniMaxOAuth.GlobalProviderId;

    private static Argument<string> Service()
    {
        var service = new Argument<string>("service") { Description = "The service to sign in to: minimax (the MiniMax Coding Plan)." };
        service.AcceptOnlyFromAmong("minimax");
        return service;
    }

    private static Option<string?> Region(string description)
    {
        var region = new Option<string?>("--region") { Description = description };
        region.AcceptOnlyFromAmong(Global, China);
        return region;
    }
}
