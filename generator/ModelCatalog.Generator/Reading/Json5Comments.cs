namespace ModelCatalog.Generator.Reading;

/// <summary>
/// OpenClaw configs are JSON5, which YAML reads except for comments. A text whose first non-blank character is
/// <c>{</c> gets its <c>//</c> and <c>/* */</c> comments outside strings (starting where a token could start) replaced
/// by spaces, keeping every position (and line break) where it was, so diagnostics still point at the user's text.
/// </summary>
internal static class Json5Comments
{
    public static bool LooksLikeJson5(string text, int start)
    {
        for (int i = start; i < text.Length; i++)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                return text[i] == '{';
            }
        }

        return false;
    }

    public static string Blank(string text)
    {
        char[]? buffer = null;
        char quote = '\0';
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quote != '\0')
            {
                if (c == '\\' && i + 1 < text.Length)
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = '\0';
                }

                continue;
            }

            if (c == '"' || c == '\'')
            {
                quote = c;
            }
            else if (c == '/' && i + 1 < text.Length && (text[i + 1] == '/' || text[i + 1] == '*') && AtTokenBoundary(text, i))
            {
                buffer ??= text.ToCharArray();
                bool block = text[i + 1] == '*';
                int j = i;
                while (j < text.Length)
                {
                    if (block ? j > i + 1 && text[j - 1] == '*' && text[j] == '/' : text[j] == '\n' || text[j] == '\r')
                    {
                        break;
                    }

                    if (text[j] != '\n' && text[j] != '\r')
                    {
                        buffer[j] = ' ';
                    }

                    j++;
                }

                if (block && j < text.Length)
                {
                    buffer[j] = ' ';
                }

                i = block ? j : j - 1;
            }
        }

        return buffer is null ? text : new string(buffer);
    }

    // A comment starts where a token could: so the "//" of an unquoted http://host (valid in YAML flow style) stays text.
    private static bool AtTokenBoundary(string text, int index) =>
        index == 0 || char.IsWhiteSpace(text[index - 1]) || text[index - 1] is ',' or '{' or '}' or '[' or ']';
}
