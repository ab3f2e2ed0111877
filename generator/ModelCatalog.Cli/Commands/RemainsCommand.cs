using System.CommandLine;
using System.Globalization;
using System.Text;

namespace ModelCatalog.Cli.Commands;

/// <summary><c>remains</c>: the MiniMax Coding Plan quota, through the runtime's <see cref="MiniMaxCodingPlan.GetRemainsWithStoreAsync"/>.</summary>
internal static class RemainsCommand
{
    public static Command Create(CliContext context)
    {
        var provider = new Option<string?>("--provider")
        {
            Description = "minimax or minimax-portal (api.minimax.io), minimax-cn or minimax-portal-cn (api.minimaxi.com); its base URL and key " +
                "come from the catalog (the -portal ones from `modelcatalog login minimax`). Default: minimax-portal when signed in " +
                "(or MINIMAX_OAUTH_TOKEN is set), else minimax.",
        };
        provider.AcceptOnlyFromAmong("minimax", "minimax-cn", MiniMaxOAuth.GlobalProviderId, MiniMaxOAuth.ChinaProviderId);
        var json = new Option<bool>("--json") { Description = "Print {provider, models:[{model, intervalTotal, intervalRemaining, intervalUsed, weeklyTotal, weeklyRemaining, intervalStart, intervalEnd}]}." };
        var file = CommonOptions.File();
        var command = new Command("remains", "Show the MiniMax Coding Plan remaining quota (needs the provider's key or a `modelcatalog login minimax` sign-in).") { provider, json, file };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var catalog = CatalogFile.Load(context, parse.GetValue(file)).Catalog;
            var providerId = parse.GetValue(provider) ?? DefaultProvider(context, catalog);
            if (!catalog.TryGetProvider(providerId, out var info))
            {
                throw new CliException("the catalog has no provider '" + providerId + "'");
            }

            MiniMaxCodingPlanRemains remains;
            try
            {
                using var http = context.CreateHttpClient();
                remains = await MiniMaxCodingPlan.GetRemainsWithStoreAsync(info, http, context.TokenStore, context.Secrets, cancellationToken).ConfigureAwait(false);
            }
            catch (MiniMaxCodingPlanException e)
            {
                throw new CliException(e.Message, ExitCodes.Failed);
            }

            context.Output.Write(parse.GetValue(json) ? Json(info.Id, remains) : Table(remains));
            return ExitCodes.Ok;
        });
        return command;
    }

    // The key preference of reference §11.6 starts with the portal sign-in and MINIMAX_OAUTH_TOKEN: use the OAuth
    // provider when that is how the user signed in; the runtime then applies the rest of the order.
    private static string DefaultProvider(CliContext context, Catalog catalog) =>
        catalog.TryGetProvider(MiniMaxOAuth.GlobalProviderId, out var portal) && MiniMaxOAuth.IsOAuthProvider(portal) &&
        MiniMaxOAuth.HasSignIn(portal, context.TokenStore, context.Secrets)
            ? MiniMaxOAuth.GlobalProviderId
            : "minimax";

    private static string Table(MiniMaxCodingPlanRemains remains)
    {
        var text = new StringBuilder();
        text.Append(Line("Model", "Used", "Remaining", "Total", "Weekly", "Window ends (UTC)"));
        foreach (var model in remains.Models)
        {
            text.Append(Line(model.ModelName, Number(model.IntervalUsed), Number(model.IntervalRemaining), Number(model.IntervalTotal),
                model.WeeklyTotal is { } weekly ? Number(model.WeeklyRemaining ?? 0) + "/" + Number(weekly) : "-",
                model.IntervalEnd?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "-"));
        }

        return text.ToString();
    }

    private static string Line(string model, string used, string remaining, string total, string weekly, string ends) =>
        model.PadRight(24) + " " + used.PadLeft(8) + " " + remaining.PadLeft(9) + " " + total.PadLeft(8) + " " + weekly.PadRight(13) + " " + ends + "\n";

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static void NumberOrNull(System.Text.Json.Utf8JsonWriter writer, string name, long? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static string Json(string providerId, MiniMaxCodingPlanRemains remains) => JsonOutput.Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("provider", providerId);
        writer.WriteStartArray("models");
        foreach (var model in remains.Models)
        {
            writer.WriteStartObject();
            writer.WriteString("model", model.ModelName);
            writer.WriteNumber("intervalTotal", model.IntervalTotal);
            writer.WriteNumber("intervalRemaining", model.IntervalRemaining);
            writer.WriteNumber("intervalUsed", model.IntervalUsed);
            NumberOrNull(writer, "weeklyTotal", model.WeeklyTotal);
            NumberOrNull(writer, "weeklyRemaining", model.WeeklyRemaining);
            writer.StringOrNull("intervalStart", model.IntervalStart?.ToString("o", CultureInfo.InvariantCulture));
            writer.StringOrNull("intervalEnd", model.IntervalEnd?.ToString("o", CultureInfo.InvariantCulture));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    });
}
