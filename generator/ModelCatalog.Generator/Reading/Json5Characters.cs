using System.Globalization;

namespace ModelCatalog.Generator.Reading;

/// <summary>
/// The character classes of JSON5 1.0.0 (https://spec.json5.org): white space (§8), line terminators, and the
/// ECMAScript 5.1 §7.6 identifier characters unquoted keys are made of. ASCII is decided without a Unicode lookup.
/// </summary>
internal static class Json5Characters
{
    // JSON5 1.0.0 §8 White Space: tab, LF, VT, FF, CR, space, NBSP, LS, PS, BOM and every other Unicode Zs.
    public static bool IsWhitespace(char c) => c <= ' '
        ? c is ' ' or '\t' or '\n' or '\r' or '\v' or '\f'
        : c >= '\u00A0' && (c is '\u00A0' or '\u2028' or '\u2029' or '\uFEFF' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.SpaceSeparator);

    public static bool IsLineTerminator(char c) => c is '\n' or '\r' or '\u2028' or '\u2029';

    public static bool IsDecimalDigit(char c) => c is >= '0' and <= '9';

    public static bool IsHexDigit(char c) => c is >= '0' and <= '9' or >= 'a' and <= 'f' or >= 'A' and <= 'F';

    /// <summary>Whether the character (or surrogate pair) at <paramref name="index"/> may start an identifier; <c>false</c> past the end.</summary>
    public static bool IsIdentifierStart(string text, int index)
    {
        if (index >= text.Length)
        {
            return false;
        }

        char c = text[index];
        return c < 0x80 ? c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or '$' or '_' : IsIdentifierStart(c, CharUnicodeInfo.GetUnicodeCategory(text, index));
    }

    /// <summary>Whether the character (or surrogate pair) at <paramref name="index"/> may continue an identifier; <c>false</c> past the end.</summary>
    public static bool IsIdentifierPart(string text, int index)
    {
        if (index >= text.Length)
        {
            return false;
        }

        char c = text[index];
        return c < 0x80 ? c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '$' or '_' : IsIdentifierPart(c, CharUnicodeInfo.GetUnicodeCategory(text, index));
    }

    // ECMAScript 5.1 §7.6 IdentifierStart: UnicodeLetter (Lu, Ll, Lt, Lm, Lo, Nl), '$', '_'.
    public static bool IsIdentifierStart(char c, UnicodeCategory category) => c is '$' or '_' || category is UnicodeCategory.UppercaseLetter
        or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
        or UnicodeCategory.LetterNumber;

    // IdentifierPart adds Mn, Mc, Nd, Pc, ZWNJ and ZWJ.
    public static bool IsIdentifierPart(char c, UnicodeCategory category) => IsIdentifierStart(c, category) || c is '\u200C' or '\u200D' ||
        category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.DecimalDigitNumber
        or UnicodeCategory.ConnectorPunctuation;
}
