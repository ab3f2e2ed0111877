using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace ModelCatalog;

/// <summary>
/// Decodes the compact catalog text that generated code embeds (<c>GeneratedModelCatalog</c>): one string literal
/// instead of thousands of constructor calls keeps consumer builds fast. Records of <see cref="CatalogDataFormat"/>, version 1:
/// <code>
/// ModelCatalog/1
/// P id baseUrl apiName apiKey flags          flags: 1 = authHeader, 2 = literal key omitted, 4 = keyless (no-key marker)
/// H name value                               header of the preceding P or M record
/// M id name apiName reasoning input cost contextWindow maxTokens
///                                            name/apiName empty = id / provider's; cost empty = unknown, else in,out,cacheRead,cacheWrite
/// A alias ref | R primaryRef | F fallbackRef | L allowlistedRef | X builtInProviderLeftOutByReplaceMode
/// E name reference                           env: alias, e.g. ANTHROPIC_API_KEY ${ANTHROPIC_API_KEY_CO} (never a literal value)
/// </code>
/// Later package versions must keep decoding every earlier version.
/// </summary>
internal static class CatalogData
{
    public static Catalog Decode(string data)
    {
        if (data is null)
        {
            throw new ArgumentNullException(nameof(data));
        }

        var lines = data.Split('\n');
        if (lines.Length == 0 || lines[0] != CatalogDataFormat.Header)
        {
            throw new FormatException("Generated catalog data has an unknown format ('" + Truncate(lines[0]) + "'); rebuild the project with the same ModelCatalog package version.");
        }

        var builder = Catalog.CreateBuilder();
        Pending? pending = null;
        string? provider = null;
        for (int i = 1; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0)
            {
                continue;
            }

            var fields = SplitFields(line);
            switch (fields[0])
            {
                case "H":
                    if (pending is null)
                    {
                        throw Malformed(i, line);
                    }

                    pending.Headers ??= new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                    pending.Headers[Field(fields, 1, i, line)] = Field(fields, 2, i, line);
                    continue;
                case "P":
                case "M":
                    Commit(builder, pending, ref provider);
                    pending = new Pending(fields, i, line);
                    continue;
            }

            Commit(builder, pending, ref provider);
            pending = null;
            switch (fields[0])
            {
                case "A": builder.AddAlias(Field(fields, 1, i, line), Field(fields, 2, i, line)); break;
                case "R": builder.SetPrimary(Field(fields, 1, i, line)); break;
                case "F": builder.AddFallback(Field(fields, 1, i, line)); break;
                case "L": builder.Allow(Field(fields, 1, i, line)); break;
                case "E": builder.AddEnvironmentAlias(Field(fields, 1, i, line), Field(fields, 2, i, line)); break;
                case "X": builder.ExcludeBuiltIn(Field(fields, 1, i, line)); break;
                default: throw Malformed(i, line);
            }
        }

        Commit(builder, pending, ref provider);
        return builder.Build();
    }

    private static void Commit(CatalogBuilder builder, Pending? pending, ref string? provider)
    {
        if (pending is null)
        {
            return;
        }

        var f = pending.Fields;
        if (f[0] == "P")
        {
            provider = pending.Get(1);
            int flags = pending.GetInt(5);
            var apiKey = pending.Get(4);
            builder.AddProviderCore(provider, pending.Get(2), pending.Get(3), apiKey.Length == 0 ? null : apiKey,
                (flags & 1) != 0, pending.Headers, (flags & 2) != 0, isKeyless: (flags & 4) != 0);
            return;
        }

        if (provider is null)
        {
            throw Malformed(pending.LineNumber, pending.Line);
        }

        var apiName = pending.Get(3);
        builder.AddModelCore(provider, pending.Get(1), pending.Get(2), ParseCost(pending.Get(6), pending),
            pending.GetInt(7), pending.GetInt(8), pending.Get(4) == "1", (ModelInput)pending.GetInt(5),
            apiName.Length == 0 ? null : apiName, pending.Headers);
    }

    private static ModelCost ParseCost(string text, Pending pending)
    {
        if (text.Length == 0)
        {
            return ModelCost.Unknown;
        }

        var parts = text.Split(',');
        if (parts.Length != 4)
        {
            throw Malformed(pending.LineNumber, pending.Line);
        }

        return new ModelCost(Decimal(parts[0], pending), Decimal(parts[1], pending), Decimal(parts[2], pending), Decimal(parts[3], pending));
    }

    private static decimal Decimal(string text, Pending pending) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : throw Malformed(pending.LineNumber, pending.Line);

    private static string[] SplitFields(string line)
    {
        var fields = line.Split('\t');
        for (int i = 0; i < fields.Length; i++)
        {
            fields[i] = CatalogDataFormat.Unescape(fields[i]);
        }

        return fields;
    }

    private static string Field(string[] fields, int index, int lineNumber, string line) =>
        index < fields.Length ? fields[index] : throw Malformed(lineNumber, line);

    private static FormatException Malformed(int lineNumber, string line) =>
        new("Generated catalog data is malformed at record " + lineNumber.ToString(CultureInfo.InvariantCulture) + " ('" + Truncate(line) + "').");

    private static string Truncate(string text) => text.Length <= 40 ? text : text.Substring(0, 40) + "…";

    private sealed class Pending
    {
        public Pending(string[] fields, int lineNumber, string line)
        {
            Fields = fields;
            LineNumber = lineNumber;
            Line = line;
        }

        public string[] Fields { get; }

        public int LineNumber { get; }

        public string Line { get; }

        public Dictionary<string, string>? Headers { get; set; }

        public string Get(int index) => Field(Fields, index, LineNumber, Line);

        public int GetInt(int index) =>
            int.TryParse(Get(index), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : throw Malformed(LineNumber, Line);
    }
}
