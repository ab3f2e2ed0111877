using System;
using System.Text;

namespace ModelCatalog;

/// <summary>
/// Separates the <c>&lt;think&gt;…&lt;/think&gt;</c> block that MiniMax (and other OpenAI-compatible reasoning servers)
/// put at the start of <c>content</c> from the answer. Works on a whole string or incrementally on streamed chunks,
/// where a tag may be split across chunks.
/// </summary>
/// <remarks>
/// A <c>&lt;/think&gt;</c> without an opening tag (chat templates that pre-fill <c>&lt;think&gt;</c> in the prompt, as some
/// vLLM, SGLang and llama.cpp setups do) ends the reasoning too. In a stream of a reasoning model (<c>reasoning: true</c>)
/// that is known only once the tag arrives, so content that does not start with <c>&lt;think&gt;</c> is held back until
/// <c>&lt;/think&gt;</c> arrives (what came before it is reasoning, the rest text), or it is released as text when
/// <see cref="StopHolding"/> is called (a reasoning field or a tool call arrived: the content is the answer), when the
/// stream ends, or once <see cref="HoldLimit"/> characters are held. Streams of other models are never held back.
/// </remarks>
internal sealed class ThinkTagSplitter
{
    public const string OpenTag = "<think>";
    public const string CloseTag = "</think>";

    /// <summary>The most content characters (64 Ki) held back waiting for a <c>&lt;/think&gt;</c> without an opening tag.</summary>
    public const int HoldLimit = 64 * 1024;

    private readonly StringBuilder _pending = new();
    private State _state = State.Start;
    private bool _holdForOrphanClose;

    // In MaybeReasoning: how much of the pending text has been searched for "</think>" already.
    private int _searched;

    /// <param name="holdForOrphanClose">
    /// <c>true</c> for a reasoning model: content that does not start with <c>&lt;think&gt;</c> is held back until a
    /// <c>&lt;/think&gt;</c> shows whether it was reasoning (see the remarks).
    /// </param>
    public ThinkTagSplitter(bool holdForOrphanClose = false) => _holdForOrphanClose = holdForOrphanClose;

    private enum State
    {
        Start,
        ThinkStart,
        MaybeReasoning,
        InThink,
        AfterThink,
        Text,
    }

    /// <summary>
    /// Splits a complete <c>content</c> string. <paramref name="reasoning"/> is <c>null</c> when there is no think block.
    /// A <c>&lt;/think&gt;</c> without an opening tag still ends the reasoning (templates that pre-fill <c>&lt;think&gt;</c>).
    /// </summary>
    public static void Split(string content, out string? reasoning, out string text)
    {
        var start = 0;
        while (start < content.Length && char.IsWhiteSpace(content[start]))
        {
            start++;
        }

        if (string.CompareOrdinal(content, start, OpenTag, 0, OpenTag.Length) != 0)
        {
            // Chat templates that pre-fill "<think>" in the prompt leave only the closing tag in the output.
            var orphanClose = content.IndexOf(CloseTag, start, StringComparison.Ordinal);
            if (orphanClose < 0)
            {
                reasoning = null;
                text = content;
                return;
            }

            reasoning = content.Substring(start, orphanClose - start).Trim();
            text = content.Substring(orphanClose + CloseTag.Length).TrimStart();
            return;
        }

        var bodyStart = start + OpenTag.Length;
        var close = content.IndexOf(CloseTag, bodyStart, StringComparison.Ordinal);
        if (close < 0)
        {
            reasoning = content.Substring(bodyStart).Trim();
            text = string.Empty;
            return;
        }

        reasoning = content.Substring(bodyStart, close - bodyStart).Trim();
        text = content.Substring(close + CloseTag.Length).TrimStart();
    }

    /// <summary>The form MiniMax wants replayed in later turns: its own layout of the think block before the answer.</summary>
    public static string Join(string reasoning, string text) => OpenTag + "\n" + reasoning + "\n" + CloseTag + "\n\n" + text;

    /// <summary>Feeds one streamed chunk; returns the reasoning and answer text that are certain so far (empty when none).</summary>
    public void Feed(string chunk, out string reasoning, out string text)
    {
        reasoning = string.Empty;
        text = string.Empty;
        if (_state == State.Text)
        {
            text = chunk;
            return;
        }

        _pending.Append(chunk);
        var reasoningOut = new StringBuilder();
        var textOut = new StringBuilder();
        Process(reasoningOut, textOut);
        reasoning = reasoningOut.ToString();
        text = textOut.ToString();
    }

    /// <summary>
    /// Stops waiting for a <c>&lt;/think&gt;</c> without an opening tag (a reasoning field or a tool call showed that the
    /// content is the answer); returns the content held back for it, now answer text (empty when none).
    /// </summary>
    public string StopHolding()
    {
        _holdForOrphanClose = false;
        if (_state != State.MaybeReasoning)
        {
            return string.Empty;
        }

        var text = _pending.ToString();
        _pending.Clear();
        _state = State.Text;
        return text;
    }

    /// <summary>Ends the stream: whatever is still held back is emitted (an unclosed think block counts as reasoning).</summary>
    public void Flush(out string reasoning, out string text)
    {
        reasoning = string.Empty;
        text = string.Empty;
        var rest = _pending.ToString();
        _pending.Clear();
        if (_state is State.InThink or State.ThinkStart)
        {
            reasoning = rest.TrimEnd();
        }
        else if (_state != State.AfterThink)
        {
            text = rest;
        }

        _state = State.Text;
    }

    private void Process(StringBuilder reasoningOut, StringBuilder textOut)
    {
        while (true)
        {
            if (_state == State.MaybeReasoning && !FindOrphanClose())
            {
                if (_pending.Length >= HoldLimit)
                {
                    textOut.Append(_pending);
                    _pending.Clear();
                    _state = State.Text;
                }

                return;
            }

            var buffer = _pending.ToString();
            switch (_state)
            {
                case State.Start:
                {
                    var start = SkipWhitespace(buffer, 0);
                    var remaining = buffer.Length - start;
                    if (remaining == 0 || (remaining < OpenTag.Length && string.CompareOrdinal(buffer, start, OpenTag, 0, remaining) == 0))
                    {
                        return; // could still become "<think>"
                    }

                    _pending.Clear();
                    if (string.CompareOrdinal(buffer, start, OpenTag, 0, OpenTag.Length) == 0)
                    {
                        _pending.Append(buffer, start + OpenTag.Length, buffer.Length - start - OpenTag.Length);
                        _state = State.ThinkStart;
                        continue;
                    }

                    if (_holdForOrphanClose)
                    {
                        _pending.Append(buffer);
                        _searched = 0;
                        _state = State.MaybeReasoning;
                        continue;
                    }

                    textOut.Append(buffer);
                    _state = State.Text;
                    return;
                }

                case State.MaybeReasoning:
                {
                    // FindOrphanClose found "</think>" at _searched: what came before it was reasoning.
                    reasoningOut.Append(buffer.Substring(0, _searched).Trim());
                    _pending.Clear();
                    _pending.Append(buffer, _searched + CloseTag.Length, buffer.Length - _searched - CloseTag.Length);
                    _state = State.AfterThink;
                    continue;
                }

                case State.ThinkStart:
                {
                    var start = SkipWhitespace(buffer, 0);
                    _pending.Remove(0, start);
                    if (_pending.Length == 0)
                    {
                        return;
                    }

                    _state = State.InThink;
                    continue;
                }

                case State.InThink:
                {
                    var close = buffer.IndexOf(CloseTag, StringComparison.Ordinal);
                    if (close >= 0)
                    {
                        reasoningOut.Append(buffer.Substring(0, close).TrimEnd());
                        _pending.Clear();
                        _pending.Append(buffer, close + CloseTag.Length, buffer.Length - close - CloseTag.Length);
                        _state = State.AfterThink;
                        continue;
                    }

                    // Hold back what may be the start of "</think>" and trailing whitespace (trimmed before the tag).
                    var keep = buffer.Length - PartialTagStart(buffer);
                    var emit = buffer.Length - keep;
                    while (emit > 0 && char.IsWhiteSpace(buffer[emit - 1]))
                    {
                        emit--;
                    }

                    if (emit > 0)
                    {
                        reasoningOut.Append(buffer, 0, emit);
                        _pending.Remove(0, emit);
                    }

                    return;
                }

                case State.AfterThink:
                {
                    var start = SkipWhitespace(buffer, 0);
                    _pending.Clear();
                    if (start == buffer.Length)
                    {
                        return;
                    }

                    textOut.Append(buffer, start, buffer.Length - start);
                    _state = State.Text;
                    return;
                }

                default:
                    textOut.Append(buffer);
                    _pending.Clear();
                    return;
            }
        }
    }

    // Searches the held text for "</think>" from where the last search stopped (a tag may straddle two chunks), without
    // copying it: true with _searched at the tag, false with _searched where the next search starts.
    private bool FindOrphanClose()
    {
        for (var i = _searched; i <= _pending.Length - CloseTag.Length; i++)
        {
            var match = true;
            for (var j = 0; j < CloseTag.Length && match; j++)
            {
                match = _pending[i + j] == CloseTag[j];
            }

            if (match)
            {
                _searched = i;
                return true;
            }
        }

        _searched = Math.Max(0, _pending.Length - CloseTag.Length + 1);
        return false;
    }

    // Index where a suffix of buffer that is a proper prefix of "</think>" begins; buffer.Length when none.
    private static int PartialTagStart(string buffer)
    {
        for (int length = Math.Min(CloseTag.Length - 1, buffer.Length); length > 0; length--)
        {
            if (string.CompareOrdinal(buffer, buffer.Length - length, CloseTag, 0, length) == 0)
            {
                return buffer.Length - length;
            }
        }

        return buffer.Length;
    }

    private static int SkipWhitespace(string text, int start)
    {
        while (start < text.Length && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        return start;
    }
}
