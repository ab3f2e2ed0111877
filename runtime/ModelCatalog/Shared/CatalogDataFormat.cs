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
        foreach (char c in value)
        {
            switch (c)
            {
                case '\\': builder.Append("\\\\"); break;
                case '\t': builder.Append("\\t"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                default: builder.Append(c); break;
            }
        }
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
