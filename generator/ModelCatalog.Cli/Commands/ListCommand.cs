using System;
using System.CommandLine;
using System.Linq;
using ModelCatalog.Listing;

namespace ModelCatalog.Cli.Commands;

/// <summary><c>list</c>: OpenClaw's <c>models list</c> (rows, columns, tags and JSON shape: README.md, "Command-line tool").</summary>
internal static class ListCommand
{
    public static Command Create(CliContext context)
    {
        var all = new Option<bool>("--all") { Description = "List the whole registry (built-in and file), sorted by provider/id." };
        var local = new Option<bool>("--local") { Description = "Keep only models whose base URL is loopback or *.local." };
        var provider = new Option<string?>("--provider") { Description = "Keep only this provider's models (case-insensitive).", HelpName = "P" };
        var json = new Option<bool>("--json") { Description = "Print {count, models:[{key, name, input, contextWindow, local, available, tags, missing}]}." };
        var plain = new Option<bool>("--plain") { Description = "Print one model key per line." };
        var file = CommonOptions.File();
        var command = new Command("list", "List the configured models (default, fallbacks, agents.defaults.models) like `openclaw models list`.")
        {
            all, local, provider, json, plain, file,
        };
        command.SetAction(parse =>
        {
            var catalogFile = CatalogFile.Load(context, parse.GetValue(file));
            var catalog = catalogFile.Catalog;
            Func<ProviderInfo, bool> hasKey = p => ModelsTable.HasKey(p, context.GetVariable, context.TokenStore);
            var rows = parse.GetValue(all)
                ? ModelsTable.AllRows(catalog, hasKey)
                : ModelsTable.ConfiguredRows(catalog, catalogFile.ConfiguredRefs(), hasKey);
            if (parse.GetValue(provider) is { } providerId)
            {
                var normalized = providerId.Trim();
                rows = rows.Where(r => string.Equals(r.Provider?.Id ?? (ModelRefParts.TrySplit(r.Key, out var provider, out _) ? provider : r.Key), normalized, StringComparison.OrdinalIgnoreCase)).ToList();
            }

            if (parse.GetValue(local))
            {
                rows = rows.Where(r => r.Local == true).ToList();
            }

            if (parse.GetValue(json))
            {
                context.Output.Write(Json(rows));
            }
            else if (parse.GetValue(plain))
            {
                foreach (var row in rows)
                {
                    context.Output.Write(row.Key + "\n");
                }
            }
            else
            {
                context.Output.Write(ModelsTable.Format(rows));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Json(System.Collections.Generic.List<ModelsListRow> rows) => JsonOutput.Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteNumber("count", rows.Count);
        writer.WriteStartArray("models");
        foreach (var row in rows)
        {
            writer.WriteStartObject();
            writer.WriteString("key", row.Key);
            writer.WriteString("name", row.Model?.Name ?? row.Key);
            writer.StringOrNull("input", row.Input);
            if (row.Model is { } model)
            {
                writer.WriteNumber("contextWindow", model.ContextWindow);
            }
            else
            {
                writer.WriteNull("contextWindow");
            }

            writer.BooleanOrNull("local", row.Local);
            writer.BooleanOrNull("available", row.Available);
            writer.WriteStartArray("tags");
            foreach (var tag in row.Tags)
            {
                writer.WriteStringValue(tag);
            }

            writer.WriteEndArray();
            writer.WriteBoolean("missing", row.Missing);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    });
}
