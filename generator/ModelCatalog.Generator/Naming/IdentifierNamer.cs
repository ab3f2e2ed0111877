using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace ModelCatalog.Generator.Naming;

/// <summary>
/// The identifier rule (README.md, A tour of the generated code): split at every character that is not an ASCII letter or digit, upper-case the first
/// letter of each part, join, with <c>_</c> between two parts when the left ends and the right begins with a digit;
/// a leading digit gets <c>_</c>, an empty result is <c>_</c>, a keyword gets <c>@</c>.
/// <c>MiniMax-M2.1</c> → <c>MiniMaxM2_1</c>, <c>gpt-4o-mini</c> → <c>Gpt4oMini</c>, <c>302ai</c> → <c>_302ai</c>.
/// </summary>
internal static class IdentifierNamer
{
    public static string ToIdentifier(string id)
    {
        var builder = new StringBuilder(id.Length + 2);
        bool atPartStart = true;
        char lastWritten = '\0';
        foreach (char c in id)
        {
            if (!IsAsciiLetterOrDigit(c))
            {
                atPartStart = true;
                continue;
            }

            if (atPartStart)
            {
                if (IsDigit(c) && IsDigit(lastWritten))
                {
                    builder.Append('_');
                }

                builder.Append(c >= 'a' && c <= 'z' ? (char)(c - 32) : c);
                atPartStart = false;
            }
            else
            {
                builder.Append(c);
            }

            lastWritten = c;
        }

        if (builder.Length == 0)
        {
            return "_";
        }

        if (IsDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        var name = builder.ToString();
        return SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
    }

    private static bool IsAsciiLetterOrDigit(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || IsDigit(c);

    private static bool IsDigit(char c) => c >= '0' && c <= '9';
}
