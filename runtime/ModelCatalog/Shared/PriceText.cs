using System.Globalization;
using System.Text;

namespace ModelCatalog;

/// <summary>
/// The one way prices and costs are shown (generated XML docs, <c>ModelCost.ToString()</c>, the cost ledger): USD
/// with at least two decimals and up to six significant digits, trailing zeros beyond two decimals dropped. A
/// non-zero amount is therefore never shown as <c>$0.00</c> (<c>0.000003</c> → <c>$0.000003</c>), realistic prices
/// are shown exactly (<c>0.3</c> → <c>$0.30</c>, <c>1.23456</c> → <c>$1.23456</c>, <c>0.00000375</c> →
/// <c>$0.00000375</c>), and float artefacts read as meant (<c>0.049999999999999996</c> → <c>$0.05</c>). Shared by the
/// runtime and the generator (linked source), so the IDE and the program never disagree.
/// </summary>
internal static class PriceText
{
    /// <summary>Significant digits shown: enough for any real price list, few enough to hide binary float noise.</summary>
    private const int SignificantDigits = 6;

    /// <summary>An amount in USD: <c>$0.30</c>, <c>$0.000003</c>, <c>$1234.57</c> (invariant culture, no group separators).</summary>
    public static string Usd(decimal value) => "$" + Number(value);

    /// <summary>The amount without the dollar sign (see <see cref="Usd"/>).</summary>
    public static string Number(decimal value)
    {
        if (value == 0m)
        {
            return "0.00";
        }

        // Decimals needed for SignificantDigits digits: 6 - 1 - floor(log10(|value|)), computed without floating point.
        var magnitude = value < 0m ? -value : value;
        int exponent = 0;
        while (magnitude >= 10m)
        {
            magnitude /= 10m;
            exponent++;
        }

        while (magnitude < 1m)
        {
            magnitude *= 10m;
            exponent--;
        }

        int decimals = SignificantDigits - 1 - exponent;
        decimals = decimals < 2 ? 2 : decimals > 28 ? 28 : decimals;
        var rounded = decimal.Round(value, decimals, System.MidpointRounding.AwayFromZero);
        var format = new StringBuilder("0.00", 4 + decimals).Append('#', decimals - 2).ToString();
        return rounded.ToString(format, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// <c>"$0.30 in / $1.20 out / $0.03 cache read / $0.375 cache write per 1M tokens"</c> (cache prices only when not
    /// zero); prices are USD per 1M tokens.
    /// </summary>
    public static string PerMillion(decimal input, decimal output, decimal cacheRead, decimal cacheWrite)
    {
        var text = Usd(input) + " in / " + Usd(output) + " out";
        if (cacheRead != 0m)
        {
            text += " / " + Usd(cacheRead) + " cache read";
        }

        if (cacheWrite != 0m)
        {
            text += " / " + Usd(cacheWrite) + " cache write";
        }

        return text + " per 1M tokens";
    }
}
