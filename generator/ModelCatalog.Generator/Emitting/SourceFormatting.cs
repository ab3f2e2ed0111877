using System.Globalization;
using System.Text;
using ModelCatalog.Generator.Model;

namespace ModelCatalog.Generator.Emitting;

/// <summary>Culture-invariant formatting of literals and doc-comment text for generated code.</summary>
internal static class SourceFormatting
{
    /// <summary>A C# 7.3 regular string literal (quotes included); control, line-separator and lone surrogate characters are escaped.</summary>
    public static string StringLiteral(string value)
    {
        if (IsPlain(value, allowQuotes: false))
        {
            return "\"" + value + "\"";
        }

        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (IsPair(value, i))
                    {
                        builder.Append(c).Append(value[++i]);
                    }
                    else if (c < ' ' || c == '\u0085' || c == '\u2028' || c == '\u2029' || char.IsSurrogate(c))
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

    /// <summary>Text safe inside an XML doc comment on one line.</summary>
    public static string Xml(string text)
    {
        if (IsPlain(text, allowQuotes: true) && text.IndexOfAny(XmlSpecial) < 0)
        {
            return text; // the common case: nothing to escape, nothing to allocate
        }

        var builder = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                default:
                    if (IsPair(text, i))
                    {
                        builder.Append(c).Append(text[++i]);
                    }
                    else
                    {
                        builder.Append(c < ' ' || c == '\u0085' || c == '\u2028' || c == '\u2029' || char.IsSurrogate(c) ? ' ' : c);
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary><c>204,800</c>.</summary>
    public static string Tokens(int value)
    {
        var cache = s_tokens ??= new System.Collections.Generic.Dictionary<int, string>();
        if (!cache.TryGetValue(value, out var text))
        {
            text = value.ToString("N0", CultureInfo.InvariantCulture);
            if (cache.Count < 4096)
            {
                cache[value] = text;
            }
        }

        return text;
    }

    /// <summary>A price for display, by the one rule of <see cref="PriceText.Usd"/> (shared with the runtime's <c>ModelCost.ToString()</c>).</summary>
    public static string Price(decimal value)
    {
        var cache = s_prices ??= new System.Collections.Generic.Dictionary<decimal, string>();
        if (!cache.TryGetValue(value, out var text))
        {
            text = PriceText.Usd(value);
            if (cache.Count < 4096)
            {
                cache[value] = text;
            }
        }

        return text;
    }

    /// <summary>"$0.30 in / $1.20 out per 1M tokens", or "price unknown".</summary>
    public static string PriceSummary(CostSpec? cost) =>
        cost is null ? "price unknown" : Price(cost.Input) + " in / " + Price(cost.Output) + " out per 1M tokens";

    /// <summary>Every price, exactly as <c>ModelCost.ToString()</c> shows it, e.g. for the ModelCosts docs.</summary>
    public static string FullPrice(CostSpec? cost) =>
        cost is null
            ? "price unknown (models.yaml has no cost for this model)"
            : PriceText.PerMillion(cost.Input, cost.Output, cost.CacheRead, cost.CacheWrite);

    private static readonly char[] XmlSpecial = { '&', '<', '>' };

    // Catalogs repeat a few dozen prices and windows thousands of times: each distinct value is formatted once per thread.
    [System.ThreadStatic]
    private static System.Collections.Generic.Dictionary<decimal, string>? s_prices;

    [System.ThreadStatic]
    private static System.Collections.Generic.Dictionary<int, string>? s_tokens;

    /// <summary>True when every character can be written as is (no quote, backslash, control, separator or surrogate).</summary>
    private static bool IsPlain(string value, bool allowQuotes)
    {
        foreach (char c in value)
        {
            if (c < ' ' || c == '\\' || (!allowQuotes && c == '"') || c == '\u0085' || c == '\u2028' || c == '\u2029' || char.IsSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsPair(string value, int index) =>
        char.IsHighSurrogate(value[index]) && index + 1 < value.Length && char.IsLowSurrogate(value[index + 1]);
}
