using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Threading;
using ModelCatalog.Generator.Diagnostics;
using ModelCatalog.Generator.Model;

namespace ModelCatalog.Generator.Reading;

/// <summary>
/// Reads a JSON5 text (https://spec.json5.org, 1.0.0) into the same positioned tree <see cref="YamlTreeReader"/> builds,
/// so validation, diagnostics and code fixes work unchanged. Strings become quoted scalars (text); numbers, <c>true</c>,
/// <c>false</c> and <c>null</c> become plain scalars holding the literal as written (<see cref="Validation.ValueReader"/>
/// gives them their value). Duplicate keys are all kept: the validator reports them, as for YAML.
/// The reader is a loop over an explicit stack (no recursion) within <see cref="CatalogTreeReader.MaxDepth"/>; a syntax
/// error is MC0001 at the offending character, in JSON5 terms. It never throws except for cancellation.
/// </summary>
internal sealed class Json5TreeReader
{
    // JSON5 1.0.0 §7 literals and §6 numbers that are words.
    private static readonly string[] Literals = { "true", "false", "null", "Infinity", "NaN" };

    private readonly string _text;
    private readonly string _fileName;
    private readonly List<Frame> _stack = new();
    private StringBuilder? _buffer;
    private int _pos;
    private CatalogDiagnostic? _error;

    private Json5TreeReader(string text, string fileName = CatalogFileSelector.DefaultFileName)
    {
        _text = text;
        _fileName = fileName;
    }

    /// <summary>
    /// Whether the first token of <paramref name="text"/> — after a byte-order mark, whitespace and <c>//</c> or
    /// <c>/* */</c> comments — is <c>{</c>: such a text is JSON5 (README.md, "JSON5").
    /// </summary>
    public static bool StartsWithObject(string text)
    {
        var reader = new Json5TreeReader(text);
        return reader.SkipTrivia() && reader._pos < text.Length && text[reader._pos] == '{';
    }

    /// <summary>
    /// Returns the root mapping, or <c>null</c> after MC0001 (added to <paramref name="diagnostics"/>); <paramref name="fileName"/>
    /// is the catalog file as messages name it.
    /// </summary>
    public static YamlNode? Read(string text, string fileName, List<CatalogDiagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var reader = new Json5TreeReader(text, fileName);
        var root = reader.ReadDocument(cancellationToken);
        if (reader._error is not null)
        {
            diagnostics.Add(reader._error);
            return null;
        }

        return root;
    }

    private YamlNode? ReadDocument(CancellationToken cancellationToken)
    {
        if (!SkipTrivia())
        {
            return null;
        }

        if (_pos >= _text.Length || _text[_pos] != '{')
        {
            return Fail(_pos, CharLength(_pos), "expected '{' at the start of the file, found " + Describe(_pos));
        }

        YamlNode? root = null;
        int steps = 0;
        OpenContainer(isMapping: true, name: null);
        while (_stack.Count > 0)
        {
            if ((++steps & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (!SkipTrivia())
            {
                return null;
            }

            var frame = _stack[_stack.Count - 1];
            if (_pos >= _text.Length)
            {
                return Unclosed(frame);
            }

            char c = _text[_pos];
            char close = frame.IsMapping ? '}' : ']';
            if (frame.AfterValue)
            {
                if (c == ',')
                {
                    _pos++;
                    frame.AfterValue = false;
                    continue;
                }

                if (c != close)
                {
                    return Fail(_pos, CharLength(_pos), "expected ',' or '" + close + "' after " + frame.LastValueName() + ", found " + Describe(_pos));
                }
            }

            if (c == close)
            {
                _pos++;
                _stack.RemoveAt(_stack.Count - 1);
                var node = frame.Node;
                node.Range = TextRange.FromBounds(node.Range.Start, _pos);
                if (_stack.Count == 0)
                {
                    root = node;
                }
                else
                {
                    _stack[_stack.Count - 1].Add(node);
                }

                continue;
            }

            if (frame.IsMapping)
            {
                if (!ReadMemberName(frame))
                {
                    return null;
                }
            }
            else if (c is ',' or '}' or ']')
            {
                return Fail(_pos, 1, "expected a value or ']' in " + frame.ListName() + ", found " + Describe(_pos));
            }

            if (!ReadValue(frame))
            {
                return null;
            }
        }

        // JSON5Text is one value: only whitespace and comments may follow it.
        if (!SkipTrivia())
        {
            return null;
        }

        return _pos < _text.Length
            ? Fail(_pos, CharLength(_pos), "unexpected " + Describe(_pos) + " after the closing '}' of the top-level object; a JSON5 file holds one object")
            : root;
    }

    /// <summary>Reads <c>key :</c> and leaves the key pending on <paramref name="frame"/>.</summary>
    private bool ReadMemberName(Frame frame)
    {
        int start = _pos;
        char c = _text[_pos];
        string? name;
        if (c is '"' or '\'')
        {
            name = ReadString();
        }
        else if (IsIdentifierStartAt(_pos) || c == '\\')
        {
            name = ReadIdentifier();
        }
        else if (c is ',' or ']' || Json5Characters.IsDecimalDigit(c) || c is '-' or '+' or '.')
        {
            name = null;
            if (c == ',' || c == ']')
            {
                Fail(_pos, 1, "expected a key or '}' in " + frame.MappingName() + ", found " + Describe(_pos));
            }
            else
            {
                var word = KeyWord(_pos);
                Fail(_pos, CharLength(_pos), "unquoted key '" + word + "' starts with '" + c + "'; a JSON5 key is a name or a quoted string: write \"" + word + "\"");
            }
        }
        else
        {
            name = null;
            Fail(_pos, CharLength(_pos), "expected a key or '}' in " + frame.MappingName() + ", found " + Describe(_pos));
        }

        if (name is null)
        {
            return false;
        }

        // A JSON5 key is always a string, even one written null or true.
        var key = new YamlKey(ScalarInterner.Intern(name), isPlain: false, TextRange.FromBounds(start, _pos));
        if (!SkipTrivia())
        {
            return false;
        }

        if (_pos >= _text.Length || _text[_pos] != ':')
        {
            if (_pos >= _text.Length)
            {
                Unclosed(frame);
            }
            else
            {
                Fail(_pos, CharLength(_pos), "expected ':' after the key '" + name + "', found " + Describe(_pos));
            }

            return false;
        }

        _pos++;
        frame.SetPendingKey(key);
        return SkipTrivia();
    }

    /// <summary>Reads the value at the current position: a scalar is added to <paramref name="frame"/>, an object or array is opened.</summary>
    private bool ReadValue(Frame frame)
    {
        if (_pos >= _text.Length)
        {
            Unclosed(frame);
            return false;
        }

        int start = _pos;
        char c = _text[_pos];
        switch (c)
        {
            case '{':
            case '[':
                return OpenContainer(c == '{', frame.IsMapping ? frame.PendingKeyName : null);
            case '"':
            case '\'':
                var text = ReadString();
                if (text is null)
                {
                    return false;
                }

                frame.Add(new YamlScalar(ScalarInterner.Intern(text), isPlain: false, TextRange.FromBounds(start, _pos)));
                return true;
            case ',':
            case '}':
            case ']':
                Fail(_pos, 1, "expected a value after " + frame.ValueOwnerName() + ", found " + Describe(_pos));
                return false;
        }

        if (Json5Characters.IsDecimalDigit(c) || c is '-' or '+' or '.')
        {
            if (!ReadNumber())
            {
                return false;
            }
        }
        else if (!ReadLiteral())
        {
            return false;
        }

        frame.Add(new YamlScalar(ScalarInterner.Intern(_text.Substring(start, _pos - start)), isPlain: true, TextRange.FromBounds(start, _pos)));
        return true;
    }

    private bool OpenContainer(bool isMapping, string? name)
    {
        int start = _pos;
        if (_stack.Count >= CatalogTreeReader.MaxDepth)
        {
            _error ??= CatalogTreeReader.TooDeep(new TextRange(start, 1), _fileName);
            return false;
        }

        _pos++;
        _stack.Add(new Frame(isMapping ? new YamlMapping(new TextRange(start, 0)) : new YamlSequence(new TextRange(start, 0)), name));
        return true;
    }

    /// <summary><c>true</c>, <c>false</c>, <c>null</c>, <c>Infinity</c> or <c>NaN</c>; any other bare word is text without quotes.</summary>
    private bool ReadLiteral()
    {
        foreach (var literal in Literals)
        {
            if (string.CompareOrdinal(_text, _pos, literal, 0, literal.Length) == 0 && !IsIdentifierPartAt(_pos + literal.Length))
            {
                _pos += literal.Length;
                return true;
            }
        }

        var word = Word(_pos);
        if (IsIdentifierStartAt(_pos))
        {
            Fail(_pos, word.Length, "unquoted text '" + word + "'; a JSON5 string needs quotes: write \"" + word + "\"");
        }
        else
        {
            Fail(_pos, CharLength(_pos), "unexpected " + Describe(_pos) + "; expected a value (a quoted string, a number, true, false, null, an object or a list)");
        }

        return false;
    }

    /// <summary>JSON5Number: an optional sign, then Infinity, NaN, a hex integer or an ECMAScript decimal literal.</summary>
    private bool ReadNumber()
    {
        int start = _pos;
        if (_text[_pos] is '+' or '-')
        {
            _pos++;
        }

        if (Matches("Infinity") || Matches("NaN"))
        {
            _pos += _text[_pos] == 'I' ? 8 : 3;
        }
        else if (Matches("0x") || Matches("0X"))
        {
            _pos += 2;
            int digits = SkipWhile(_pos, Json5Characters.IsHexDigit) - _pos;
            _pos += digits;
            if (digits == 0)
            {
                return InvalidNumber(start, "'0x' needs hex digits after it");
            }
        }
        else
        {
            int integerDigits = SkipWhile(_pos, Json5Characters.IsDecimalDigit) - _pos;
            if (integerDigits > 1 && _text[_pos] == '0')
            {
                return InvalidNumber(start, "a JSON5 number has no leading zeros");
            }

            _pos += integerDigits;
            int fractionDigits = 0;
            if (_pos < _text.Length && _text[_pos] == '.')
            {
                _pos++;
                fractionDigits = SkipWhile(_pos, Json5Characters.IsDecimalDigit) - _pos;
                _pos += fractionDigits;
            }

            if (integerDigits + fractionDigits == 0)
            {
                return InvalidNumber(start, "a number needs a digit");
            }

            if (_pos < _text.Length && _text[_pos] is 'e' or 'E')
            {
                _pos++;
                if (_pos < _text.Length && _text[_pos] is '+' or '-')
                {
                    _pos++;
                }

                int exponentDigits = SkipWhile(_pos, Json5Characters.IsDecimalDigit) - _pos;
                _pos += exponentDigits;
                if (exponentDigits == 0)
                {
                    return InvalidNumber(start, "the exponent needs digits");
                }
            }
        }

        // ECMAScript: the character after a numeric literal must not be an identifier start or a digit ("3in", "0x1G").
        return _pos >= _text.Length || !(IsIdentifierStartAt(_pos) || Json5Characters.IsDecimalDigit(_text[_pos]) || _text[_pos] == '\\')
            || InvalidNumber(start, "a number ends at its last digit");
    }

    private bool InvalidNumber(int start, string reason)
    {
        var word = Word(start);
        Fail(start, word.Length, "invalid number '" + word + "': " + reason + "; a text value needs quotes");
        return false;
    }

    /// <summary>A single- or double-quoted JSON5String at the current position, with every escape resolved; <c>null</c> after MC0001.</summary>
    private string? ReadString()
    {
        int open = _pos;
        char quote = _text[_pos++];
        int runStart = _pos;
        StringBuilder? builder = null;
        while (_pos < _text.Length)
        {
            char c = _text[_pos];
            if (c == quote)
            {
                string value = builder is null
                    ? _text.Substring(runStart, _pos - runStart)
                    : builder.Append(_text, runStart, _pos - runStart).ToString();
                _pos++;
                return value;
            }

            if (c is '\n' or '\r')
            {
                Fail(open, _pos - open, "unterminated string: no closing " + quote + " before the end of the line; close it, or write \\n for a line break");
                return null;
            }

            if (c != '\\')
            {
                _pos++;
                continue;
            }

            builder ??= Buffer();
            builder.Append(_text, runStart, _pos - runStart);
            if (!ReadEscape(builder))
            {
                return null;
            }

            runStart = _pos;
        }

        Fail(open, _pos - open, "unterminated string: no closing " + quote + " before the end of the file");
        return null;
    }

    /// <summary>Resolves the escape at the current backslash into <paramref name="builder"/> (JSON5 1.0.0 §5.1, Table 1).</summary>
    private bool ReadEscape(StringBuilder builder)
    {
        int backslash = _pos++;
        if (_pos >= _text.Length)
        {
            Fail(backslash, 1, "unterminated string: a backslash at the end of the file");
            return false;
        }

        char c = _text[_pos++];
        switch (c)
        {
            case 'b': builder.Append('\b'); return true;
            case 'f': builder.Append('\f'); return true;
            case 'n': builder.Append('\n'); return true;
            case 'r':
                builder.Append('\r');
                return true;
            case 't': builder.Append('\t'); return true;
            case 'v': builder.Append('\v'); return true;
            case '\r':
                // A line continuation adds nothing; CR LF counts as one line terminator.
                if (_pos < _text.Length && _text[_pos] == '\n')
                {
                    _pos++;
                }

                return true;
            case '\n':
            case '\u2028':
            case '\u2029':
                return true;
            case '0':
                if (_pos < _text.Length && Json5Characters.IsDecimalDigit(_text[_pos]))
                {
                    return InvalidEscape(backslash, 3, "JSON5 has no octal escapes");
                }

                builder.Append('\0');
                return true;
            case 'x':
                return AppendHex(builder, backslash, 2);
            case 'u':
                return AppendHex(builder, backslash, 4);
            default:
                if (c is >= '1' and <= '9')
                {
                    return InvalidEscape(backslash, 2, "JSON5 has no octal escapes");
                }

                // \' \" \\ \/ and every other character escape to themselves.
                builder.Append(c);
                return true;
        }
    }

    private bool AppendHex(StringBuilder builder, int backslash, int digits)
    {
        if (!TryHex(_pos, digits, out int value))
        {
            int length = SkipWhile(_pos, Json5Characters.IsHexDigit) - backslash;
            return InvalidEscape(backslash, Math.Min(length, digits + 2), "\\" + _text[backslash + 1] + " needs exactly " + (digits == 2 ? "two" : "four") + " hex digits");
        }

        _pos += digits;
        builder.Append((char)value);
        return true;
    }

    private bool InvalidEscape(int backslash, int length, string reason)
    {
        length = Math.Min(length, _text.Length - backslash);
        Fail(backslash, length, "invalid escape '" + _text.Substring(backslash, length) + "' in a string: " + reason + "; write \\\\ for a backslash");
        return false;
    }

    /// <summary>A JSON5Identifier key (ECMAScript IdentifierName, with \uXXXX escapes); <c>null</c> after MC0001.</summary>
    private string? ReadIdentifier()
    {
        int start = _pos;
        StringBuilder? builder = null;
        int runStart = _pos;
        while (_pos < _text.Length)
        {
            char c = _text[_pos];
            if (c == '\\')
            {
                builder ??= Buffer();
                builder.Append(_text, runStart, _pos - runStart);
                int escape = _pos;
                if (_pos + 1 >= _text.Length || _text[_pos + 1] != 'u' || !TryHex(_pos + 2, 4, out int value))
                {
                    Fail(escape, Math.Min(6, _text.Length - escape), "invalid escape in the key: an unquoted key allows only \\uXXXX escapes; quote the key");
                    return null;
                }

                char escaped = (char)value;
                bool valid = _pos == start ? Json5Characters.IsIdentifierStart(escaped, CharUnicodeInfo.GetUnicodeCategory(escaped)) : Json5Characters.IsIdentifierPart(escaped, CharUnicodeInfo.GetUnicodeCategory(escaped));
                if (!valid)
                {
                    Fail(escape, 6, "'" + _text.Substring(escape, 6) + "' is not a letter, digit, '$' or '_' and cannot be in an unquoted key; quote the key");
                    return null;
                }

                builder.Append(escaped);
                _pos += 6;
                runStart = _pos;
                continue;
            }

            if (!(_pos == start ? IsIdentifierStartAt(_pos) : IsIdentifierPartAt(_pos)))
            {
                break;
            }

            _pos += char.IsHighSurrogate(c) && _pos + 1 < _text.Length && char.IsLowSurrogate(_text[_pos + 1]) ? 2 : 1;
        }

        // A name running into a character no identifier may hold ("X-Title", "gpt-4o", "a/b") needs quotes.
        if (_pos < _text.Length && _text[_pos] is not (':' or ',' or '}' or ']' or '{' or '[' or '"' or '\'') && !Json5Characters.IsWhitespace(_text[_pos]) && !StartsComment(_pos))
        {
            var word = KeyWord(start);
            Fail(_pos, CharLength(_pos), "unquoted key '" + word + "' contains " + Describe(_pos) + ", which a JSON5 name cannot hold; quote the key: \"" + word + "\"");
            return null;
        }

        return builder is null ? _text.Substring(start, _pos - start) : builder.Append(_text, runStart, _pos - runStart).ToString();
    }

    /// <summary>Skips whitespace and comments; <c>false</c> (after MC0001) for an unterminated block comment.</summary>
    private bool SkipTrivia()
    {
        while (_pos < _text.Length)
        {
            char c = _text[_pos];
            if (Json5Characters.IsWhitespace(c))
            {
                _pos++;
            }
            else if (c == '/' && _pos + 1 < _text.Length && _text[_pos + 1] == '/')
            {
                _pos += 2;
                while (_pos < _text.Length && !Json5Characters.IsLineTerminator(_text[_pos]))
                {
                    _pos++;
                }
            }
            else if (c == '/' && _pos + 1 < _text.Length && _text[_pos + 1] == '*')
            {
                int end = _text.IndexOf("*/", _pos + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    Fail(_pos, 2, "unterminated comment: '/*' is never closed by '*/'");
                    return false;
                }

                _pos = end + 2;
            }
            else
            {
                break;
            }
        }

        return true;
    }

    private YamlNode? Fail(int start, int length, string cause)
    {
        _error ??= new CatalogDiagnostic(DiagnosticIds.InvalidSyntax, new TextRange(start, Math.Max(0, Math.Min(length, _text.Length - start))),
            _fileName + " is not valid JSON5: " + cause + "; fix the syntax here");
        return null;
    }

    /// <summary>MC0001 at the end of the file, naming the innermost object or list still open.</summary>
    private YamlNode? Unclosed(Frame frame) =>
        Fail(_text.Length, 0, "unexpected end of file; '" + _text[frame.Node.Range.Start] + "' at " + LineColumn(frame.Node.Range.Start) + " is not closed");

    private StringBuilder Buffer()
    {
        _buffer ??= new StringBuilder();
        _buffer.Clear();
        return _buffer;
    }

    private bool Matches(string literal) => string.CompareOrdinal(_text, _pos, literal, 0, literal.Length) == 0;

    private bool StartsComment(int index) => _text[index] == '/' && index + 1 < _text.Length && _text[index + 1] is '/' or '*';

    private int SkipWhile(int index, Func<char, bool> predicate)
    {
        while (index < _text.Length && predicate(_text[index]))
        {
            index++;
        }

        return index;
    }

    private bool TryHex(int index, int digits, out int value)
    {
        value = 0;
        if (index + digits > _text.Length)
        {
            return false;
        }

        for (int i = index; i < index + digits; i++)
        {
            char c = _text[i];
            int digit = c is >= '0' and <= '9' ? c - '0' : c is >= 'a' and <= 'f' ? c - 'a' + 10 : c is >= 'A' and <= 'F' ? c - 'A' + 10 : -1;
            if (digit < 0)
            {
                return false;
            }

            value = value * 16 + digit;
        }

        return true;
    }

    /// <summary>The bare word at <paramref name="start"/> (up to a delimiter, at most 60 characters), for messages.</summary>
    private string Word(int start)
    {
        int end = start;
        while (end < _text.Length && end - start < 60 && _text[end] is not (',' or '}' or ']' or '{' or '[' or '"' or '\'') && !Json5Characters.IsWhitespace(_text[end]))
        {
            end++;
        }

        return _text.Substring(start, Math.Max(1, Math.Min(end, _text.Length) - start));
    }

    /// <summary>The key as written from <paramref name="start"/> up to ':' or a delimiter, for the "quote the key" message.</summary>
    private string KeyWord(int start)
    {
        int end = start;
        while (end < _text.Length && end - start < 60 && _text[end] is not (':' or ',' or '}' or '{' or '[' or ']' or '"' or '\'') && !Json5Characters.IsWhitespace(_text[end]))
        {
            end++;
        }

        return _text.Substring(start, end - start);
    }

    /// <summary>The character at <paramref name="index"/> for a message: 'x', or its name when it cannot be seen.</summary>
    private string Describe(int index)
    {
        if (index >= _text.Length)
        {
            return "the end of the file";
        }

        char c = _text[index];
        return c switch
        {
            '\n' or '\r' or '\u2028' or '\u2029' => "a line break",
            '\t' => "a tab",
            _ when char.IsHighSurrogate(c) && index + 1 < _text.Length && char.IsLowSurrogate(_text[index + 1]) => "'" + _text.Substring(index, 2) + "'",
            _ when char.IsControl(c) || char.IsSurrogate(c) || char.IsWhiteSpace(c) => "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
            _ => "'" + c + "'",
        };
    }

    private int CharLength(int index) =>
        index < _text.Length - 1 && char.IsHighSurrogate(_text[index]) && char.IsLowSurrogate(_text[index + 1]) ? 2 : index < _text.Length ? 1 : 0;

    /// <summary>1-based line:column of <paramref name="index"/>, counting line breaks as the compiler does (CR, LF, CR LF, U+0085, U+2028, U+2029).</summary>
    private string LineColumn(int index)
    {
        int line = 1, lineStart = 0;
        for (int i = 0; i < index; i++)
        {
            char c = _text[i];
            if (c == '\r' && i + 1 < _text.Length && _text[i + 1] == '\n')
            {
                continue;
            }

            if (c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return line.ToString(CultureInfo.InvariantCulture) + ":" + (index - lineStart + 1).ToString(CultureInfo.InvariantCulture);
    }

    private bool IsIdentifierStartAt(int index) => Json5Characters.IsIdentifierStart(_text, index);

    private bool IsIdentifierPartAt(int index) => Json5Characters.IsIdentifierPart(_text, index);

    /// <summary>An open object or array: its node, the key it is the value of (for messages), and its pending key.</summary>
    private sealed class Frame
    {
        private YamlKey _pendingKey;
        private string? _lastKey;

        public Frame(YamlNode node, string? name)
        {
            Node = node;
            Name = name;
        }

        public YamlNode Node { get; }

        public string? Name { get; }

        public bool IsMapping => Node is YamlMapping;

        /// <summary>A value (or key/value pair) was just read: a ',' or the closing bracket must follow.</summary>
        public bool AfterValue { get; set; }

        public string? PendingKeyName => _pendingKey.Value;

        public void SetPendingKey(YamlKey key) => _pendingKey = key;

        public void Add(YamlNode value)
        {
            if (Node is YamlMapping mapping)
            {
                mapping.Entries.Add(new KeyValuePair<YamlKey, YamlNode>(_pendingKey, value));
                _lastKey = _pendingKey.Value;
            }
            else
            {
                ((YamlSequence)Node).Items.Add(value);
            }

            AfterValue = true;
        }

        public string LastValueName() => IsMapping
            ? "the value of '" + _lastKey + "'"
            : "item " + ((YamlSequence)Node).Items.Count.ToString(CultureInfo.InvariantCulture) + " of " + ListName();

        public string ValueOwnerName() => IsMapping ? "'" + _pendingKey.Value + ":'" : ListName();

        public string ListName() => Name is null ? "the list" : "the list '" + Name + "'";

        public string MappingName() => Name is null ? "the object" : "the object '" + Name + "'";
    }
}
