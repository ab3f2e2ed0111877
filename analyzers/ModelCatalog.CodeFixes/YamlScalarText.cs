using System.Globalization;
using System.Text;

namespace ModelCatalog.CodeFixes;

/// <summary>How a string is written into models.yaml so it reads back as the same string.</summary>
internal static class YamlScalarText
{
    /// <summary>A block-style value: plain when YAML reads it back as this exact string, else double-quoted.</summary>
    public static string Block(string value) => IsSafePlain(value) ? value : DoubleQuoted(value);

    /// <summary>
    /// A flow-style (JSON5) value: always double-quoted, as OpenClaw's JSON5 configs write them, and because
    /// <c>{</c>, <c>}</c> and <c>,</c> inside a plain <c>${VAR}</c> would end it early in flow context.
    /// </summary>
    public static string Flow(string value) => DoubleQuoted(value);

    /// <summary>A flow-style key: bare when it is a JSON5 identifier (or <paramref name="quoteAll"/> is off and YAML allows it), else quoted.</summary>
    public static string FlowKey(string key, bool quoteAll) => !quoteAll && IsIdentifier(key) ? key : DoubleQuoted(key);

    /// <summary>
    /// A double-quoted string that YAML, JSON5 and plain JSON (appsettings.json) all read back as <paramref name="value"/>:
    /// control characters as <c>\uXXXX</c>, the one escape the three share.
    /// </summary>
    public static string DoubleQuoted(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < ' ')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    private static bool IsIdentifier(string key)
    {
        if (key.Length == 0 || !(char.IsLetter(key[0]) || key[0] == '_' || key[0] == '$'))
        {
            return false;
        }

        foreach (char c in key)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_' || c == '$'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsSafePlain(string value)
    {
        if (value.Length == 0 || value.Trim().Length != value.Length || "-?:,[]{}#&*!|>'\"%@`".IndexOf(value[0]) >= 0)
        {
            return false;
        }

        if (value.Contains(": ") || value.Contains(" #") || value.EndsWith(":", System.StringComparison.Ordinal))
        {
            return false;
        }

        foreach (char c in value)
        {
            if (c < ' ')
            {
                return false;
            }
        }

        // Words and numbers YAML would not read as a string.
        switch (value.ToLowerInvariant())
        {
            case "~":
            case "null":
            case "true":
            case "false":
            case "yes":
            case "no":
            case "on":
            case "off":
                return false;
        }

        return !double.TryParse(value.Replace("_", string.Empty), NumberStyles.Float, CultureInfo.InvariantCulture, out _) &&
               !value.StartsWith("0x", System.StringComparison.OrdinalIgnoreCase) && !value.StartsWith(".", System.StringComparison.Ordinal);
    }
}
