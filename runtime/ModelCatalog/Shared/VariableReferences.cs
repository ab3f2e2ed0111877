using System;
using System.Collections.Generic;
using System.Text;

namespace ModelCatalog;

/// <summary>
/// <c>${NAME}</c> references (NAME = <c>[A-Z_][A-Z0-9_]*</c>) in apiKey, baseUrl and header values; <c>$${NAME}</c> is a
/// literal <c>${NAME}</c>; anything else is literal text. Shared by the runtime and the generator (linked source).
/// </summary>
internal static class VariableReferences
{
    /// <summary>True when <paramref name="value"/> is exactly one reference, e.g. <c>${MINIMAX_API_KEY}</c>.</summary>
    public static bool IsWholeReference(string value, out string name)
    {
        name = string.Empty;
        if (value.Length < 4 || value[0] != '$' || value[1] != '{' || value[value.Length - 1] != '}')
        {
            return false;
        }

        int end = ReadName(value, 2);
        if (end != value.Length - 1)
        {
            return false;
        }

        name = value.Substring(2, end - 2);
        return true;
    }

    /// <summary>True when <paramref name="name"/> is a valid NAME (<c>[A-Z_][A-Z0-9_]*</c>), the only names <c>${NAME}</c> can reference.</summary>
    public static bool IsName(string name) => name.Length > 0 && ReadName(name, 0) == name.Length;

    /// <summary>
    /// The variable that holds a provider's key by default, <c>&lt;ID&gt;_API_KEY</c> (<c>minimax-cn</c> →
    /// <c>MINIMAX_CN_API_KEY</c>): what MC0006 suggests, and the implicit key of a non-loopback provider with no
    /// <c>apiKey</c>, as OpenClaw's environment auth reads it.
    /// </summary>
    public static string ApiKeyName(string providerId) => EnvironmentName(providerId) + "_API_KEY";

    /// <summary>
    /// A valid NAME derived from an id (<c>minimax-cn</c> → <c>MINIMAX_CN</c>, <c>302ai</c> → <c>_302AI</c>): what
    /// diagnostics suggest and code fixes write, e.g. <c>${MINIMAX_CN_API_KEY}</c>.
    /// </summary>
    public static string EnvironmentName(string id)
    {
        var chars = new char[id.Length];
        for (int i = 0; i < id.Length; i++)
        {
            char c = id[i];
            chars[i] = c is >= 'a' and <= 'z' ? (char)(c - 'a' + 'A') : c is >= 'A' and <= 'Z' or >= '0' and <= '9' ? c : '_';
        }

        var name = new string(chars);
        return name.Length == 0 || name[0] is >= '0' and <= '9' ? "_" + name : name;
    }

    /// <summary>The names of every reference in <paramref name="value"/>, in order (escaped ones excluded).</summary>
    public static List<string> Names(string value)
    {
        var names = new List<string>();
        Walk(value, null, name => { names.Add(name); return null; });
        return names;
    }

    /// <summary>True when <paramref name="value"/> holds at least one reference.</summary>
    public static bool ContainsReference(string value) => value.IndexOf("${", StringComparison.Ordinal) >= 0 && Names(value).Count > 0;

    /// <summary>
    /// Replaces every reference with <paramref name="resolve"/>'s value and unescapes <c>$${</c>. Returns <c>null</c> and
    /// the first unresolved name when a variable is missing or empty.
    /// </summary>
    public static string? Expand(string value, Func<string, string?> resolve, out string? missingName)
    {
        missingName = null;
        if (value.IndexOf('$') < 0)
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        string? missing = null;
        Walk(value, builder, name =>
        {
            var resolved = resolve(name);
            if (string.IsNullOrEmpty(resolved))
            {
                missing ??= name;
                return string.Empty;
            }

            return resolved;
        });
        missingName = missing;
        return missing is null ? builder.ToString() : null;
    }

    private static void Walk(string value, StringBuilder? output, Func<string, string?> onReference)
    {
        int i = 0;
        while (i < value.Length)
        {
            char c = value[i];
            if (c == '$' && i + 2 < value.Length && value[i + 1] == '$' && value[i + 2] == '{')
            {
                int escapedEnd = ReadName(value, i + 3);
                if (escapedEnd > i + 3 && escapedEnd < value.Length && value[escapedEnd] == '}')
                {
                    output?.Append(value, i + 1, escapedEnd - i); // "$${A}" -> "${A}"
                    i = escapedEnd + 1;
                    continue;
                }
            }

            if (c == '$' && i + 1 < value.Length && value[i + 1] == '{')
            {
                int end = ReadName(value, i + 2);
                if (end > i + 2 && end < value.Length && value[end] == '}')
                {
                    var replacement = onReference(value.Substring(i + 2, end - i - 2));
                    output?.Append(replacement);
                    i = end + 1;
                    continue;
                }
            }

            output?.Append(c);
            i++;
        }
    }

    /// <summary>Index just past a NAME starting at <paramref name="start"/>; <paramref name="start"/> itself when there is none.</summary>
    private static int ReadName(string value, int start)
    {
        int i = start;
        if (i >= value.Length || !(value[i] == '_' || (value[i] >= 'A' && value[i] <= 'Z')))
        {
            return start;
        }

        i++;
        while (i < value.Length && (value[i] == '_' || (value[i] >= 'A' && value[i] <= 'Z') || (value[i] >= '0' && value[i] <= '9')))
        {
            i++;
        }

        return i;
    }
}
