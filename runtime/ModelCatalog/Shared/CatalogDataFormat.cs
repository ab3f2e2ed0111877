using System.Text;

namespace ModelCatalog;

/// <summary>
/// The compact catalog data format (version 1) that the generator writes and <c>Catalog.FromGeneratedData</c> reads:
/// records separated by <c>\n</c>, fields by <c>\t</c>, and inside a field <c>\\</c>, <c>\t</c>, <c>\n</c>, <c>\r</c>
/// escaped with a backslash. Shared by both sides (linked source) so they can never disagree; the record layout is
/// documented in the runtime's CatalogData.
/// </summary>
internal static class CatalogDataFormat
{
    public const string Header = "ModelCatalog/1";

    public static void AppendEscaped(StringBuilder builder, string value)
    {
        // Runs without an escape are appended whole (the generator encodes every model's fields through here).
        int run = 0;
        for (int i = 0; i < value.Length; i++)
        {
            string? escape;
            switch (value[i])
            {
                case '\\': escape = "\\\\"; break;
                case '\t': escape = "\\t"; break;
                case '\n': escape = "\\n"; break;
                case '\r': escape = "\\r"; break;
                default: continue;
            }

            builder.Append(value, run, i - run).Append(escape);
            run = i + 1;
        }

        builder.Append(value, run, value.Length - run);
    }

    public static string Unescape(string value)
    {
        if (value.IndexOf('\\') < 0)
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (c == '\\' && i + 1 < value.Length)
            {
                i++;
                builder.Append(value[i] switch { 't' => '\t', 'n' => '\n', 'r' => '\r', _ => value[i] });
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
