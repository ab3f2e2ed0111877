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

        var builder = new StringBuilder(value.Length + 8);
        builder.Append('"');
        AppendLiteralText(builder, value);
        return builder.Append('"').ToString();
    }

    /// <summary>
    /// Appends <paramref name="value"/> escaped as the inside of a <see cref="StringLiteral"/> (no quotes). Escaping is per
    /// character (a surrogate pair stays whole), so a literal may be written in pieces that do not split a pair.
    /// </summary>
    public static void AppendLiteralText(StringBuilder builder, string value)
    {
        // Plain runs are appended whole; only the characters that need an escape are written one by one.
        int run = 0;
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            string? escape;
            switch (c)
            {
                case '"': escape = "\\\""; break;
                case '\\': escape = "\\\\"; break;
                case '\n': escape = "\\n"; break;
                case '\r': escape = "\\r"; break;
                case '\t': escape = "\\t"; break;
                default:
                    if (IsPair(value, i))
                    {
                        i++;
                        continue;
                    }

                    escape = c < ' ' || c == '\u0085' || c == '\u2028' || c == '\u2029' || char.IsSurrogate(c)
                        ? "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture)
                        : null;
                    break;
            }

            if (escape is not null)
            {
                builder.Append(value, run, i - run).Append(escape);
                run = i + 1;
            }
        }

        builder.Append(value, run, value.Length - run);
    }

    /// <summary>Text safe inside an XML doc comment on one line.</summary>
    public static string Xml(string text)
    {
        if (IsPlainXml(text))
        {
            return text; // the common case: nothing to escape, nothing to allocate
        }

        var builder = new StringBuilder(text.Length + 8);
        AppendXml(builder, text);
        return builder.ToString();
    }

    /// <summary>Appends <see cref="Xml"/> of <paramref name="text"/> (per character, like <see cref="AppendLiteralText"/>).</summary>
    public static void AppendXml(StringBuilder builder, string text)
    {
        int run = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            string? replacement;
            switch (c)
            {
                case '&': replacement = "&amp;"; break;
                case '<': replacement = "&lt;"; break;
                case '>': replacement = "&gt;"; break;
                default:
                    if (IsPair(text, i))
                    {
                        i++;
                        continue;
                    }

                    replacement = c < ' ' || c == '\u0085' || c == '\u2028' || c == '\u2029' || char.IsSurrogate(c) ? " " : null;
                    break;
            }

            if (replacement is not null)
            {
                builder.Append(text, run, i - run).Append(replacement);
                run = i + 1;
            }
        }

        builder.Append(text, run, text.Length - run);
    }

    private static bool IsPlainXml(string text) => IsPlain(text, allowQuotes: true) && text.IndexOfAny(XmlSpecial) < 0;

    /// <summary><c>204,800</c>.</summary>
    public static string Tokens(int value) => Cached(ref s_tokens, value, v => v.ToString("N0", CultureInfo.InvariantCulture));

    /// <summary>A price for display, by the one rule of <see cref="PriceText.Usd"/> (shared with the runtime's <c>ModelCost.ToString()</c>).</summary>
    public static string Price(decimal value) => Cached(ref s_prices, value, PriceText.Usd);

    /// <summary>"$0.30 in / $1.20 out per 1M tokens", or "price unknown".</summary>
    public static string PriceSummary(CostSpec? cost) =>
        cost is null ? "price unknown" : Cached(ref s_summaries, cost, c => Price(c.Input) + " in / " + Price(c.Output) + " out per 1M tokens");

    /// <summary>Every price, exactly as <c>ModelCost.ToString()</c> shows it, e.g. for the ModelCosts docs.</summary>
    public static string FullPrice(CostSpec? cost) =>
        cost is null
            ? "price unknown (models.yaml has no cost for this model)"
            : Cached(ref s_fullPrices, cost, c => PriceText.PerMillion(c.Input, c.Output, c.CacheRead, c.CacheWrite));

    private static string Cached<TKey>(ref System.Collections.Generic.Dictionary<TKey, string>? cache, TKey key, System.Func<TKey, string> format)
        where TKey : notnull
    {
        cache ??= new System.Collections.Generic.Dictionary<TKey, string>();
        if (!cache.TryGetValue(key, out var text))
        {
            text = format(key);
            if (cache.Count < 4096)
            {
                cache[key] = text;
            }
        }

        return text;
    }

    private static readonly char[] XmlSpecial = { '&', '<', '>' };

    // Catalogs repeat a few dozen prices, windows and model prices thousands of times: each distinct value is formatted once per thread.
    [System.ThreadStatic]
    private static System.Collections.Generic.Dictionary<decimal, string>? s_prices;

    [System.ThreadStatic]
    private static System.Collections.Generic.Dictionary<int, string>? s_tokens;

    [System.ThreadStatic]
    private static System.Collections.Generic.Dictionary<CostSpec, string>? s_summaries;

    [System.ThreadStatic]
    private static System.Collections.Generic.Dictionary<CostSpec, string>? s_fullPrices;

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
