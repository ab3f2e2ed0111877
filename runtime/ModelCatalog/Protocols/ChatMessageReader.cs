using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace ModelCatalog;

/// <summary>
/// Reads the reasoning, text and refusal of one <c>message</c> (whole) or <c>delta</c> (streamed): the reasoning
/// fields (<c>reasoning_content</c>, <c>reasoning</c>, <c>reasoning_text</c>, <c>reasoning_details</c>), then
/// <c>content</c> as a string or an array of typed parts (<c>text</c>, <c>thinking</c>, <c>refusal</c>; other part
/// types are skipped), with <c>&lt;think&gt;</c> split from the text. Reasoning that comes in two dialects at once
/// (a reasoning field and <c>&lt;think&gt;</c> in the content) is reported once: the first dialect seen wins. In a
/// stream, a reasoning field ends the splitter's wait for a <c>&lt;/think&gt;</c> without an opening tag (the held
/// content is the answer, see <see cref="ThinkTagSplitter"/>).
/// </summary>
internal sealed class ChatMessageReader
{
    private readonly ThinkTagSplitter? _splitter;
    private List<AIContent> _output = null!;
    private StringBuilder? _refusal;
    private bool _fieldReasoning;
    private bool _tagReasoning;

    /// <param name="splitter">For a stream: the splitter that follows <c>&lt;think&gt;</c> across chunks; <c>null</c> for a whole message.</param>
    public ChatMessageReader(ThinkTagSplitter? splitter = null) => _splitter = splitter;

    /// <summary>How the reasoning came (a <see cref="ReasoningFormats"/> value) for the replay; <c>null</c> when none did.</summary>
    public string? Format { get; private set; }

    /// <summary>The refusal text collected so far; <c>null</c> when none.</summary>
    public string? Refusal => _refusal?.ToString();

    /// <summary>Reads one message or delta, appending its contents to <paramref name="output"/>.</summary>
    public void Read(JsonElement messageOrDelta, List<AIContent> output)
    {
        _output = output;
        ReadReasoningFields(messageOrDelta);
        var content = JsonHelpers.GetProperty(messageOrDelta, "content");
        if (content.ValueKind == JsonValueKind.String)
        {
            AddText(content.GetString());
        }
        else if (content.ValueKind == JsonValueKind.Array)
        {
            foreach (var part in content.EnumerateArray())
            {
                ReadPart(part);
            }
        }

        if (JsonHelpers.GetString(messageOrDelta, "refusal") is { Length: > 0 } refusal)
        {
            (_refusal ??= new StringBuilder()).Append(refusal);
        }
    }

    /// <summary>
    /// A stream's tool call arrived: content held back waiting for a <c>&lt;/think&gt;</c> without an opening tag is the
    /// answer (see <see cref="ThinkTagSplitter"/>); it is released as text.
    /// </summary>
    public void StopHolding(List<AIContent> output)
    {
        _output = output;
        ReleaseHeld();
    }

    /// <summary>Ends a stream: flushes what the <c>&lt;think&gt;</c> splitter still holds.</summary>
    public void Flush(List<AIContent> output)
    {
        _output = output;
        if (_splitter is not null)
        {
            _splitter.Flush(out var reasoning, out var text);
            AddSplit(reasoning, text);
        }
    }

    private void ReadPart(JsonElement part)
    {
        if (part.ValueKind == JsonValueKind.String)
        {
            AddText(part.GetString());
            return;
        }

        switch (JsonHelpers.GetString(part, "type"))
        {
            case "text":
            case "output_text":
                AddText(JsonHelpers.GetString(part, "text"));
                break;
            case "thinking":
            case "reasoning":
                var thinking = PartsText(JsonHelpers.GetProperty(part, "thinking")) ?? PartsText(JsonHelpers.GetProperty(part, "text"));
                if (!string.IsNullOrEmpty(thinking))
                {
                    _output.Add(new TextReasoningContent(thinking!));
                }

                break;
            case "refusal":
                if ((JsonHelpers.GetString(part, "refusal") ?? JsonHelpers.GetString(part, "text")) is { Length: > 0 } refusal)
                {
                    (_refusal ??= new StringBuilder()).Append(refusal);
                }

                break;
        }
    }

    private void ReadReasoningFields(JsonElement messageOrDelta)
    {
        foreach (var name in ReasoningFormats.ReasoningFields)
        {
            if (PartsText(JsonHelpers.GetProperty(messageOrDelta, name)) is { Length: > 0 } reasoning)
            {
                AddFieldReasoning(reasoning, name);
                break;
            }
        }

        if (JsonHelpers.TryGetArray(messageOrDelta, "reasoning_details", out var details))
        {
            foreach (var detail in details.EnumerateArray())
            {
                if (JsonHelpers.GetString(detail, "text") is { Length: > 0 } text)
                {
                    AddFieldReasoning(text, ReasoningFormats.ReasoningDetails);
                }
            }
        }
    }

    private void AddFieldReasoning(string reasoning, string format)
    {
        // The reasoning comes in a field, so content held back for a "</think>" without "<think>" is the answer.
        ReleaseHeld();
        if (_tagReasoning)
        {
            return; // already reported from <think> in the content
        }

        _fieldReasoning = true;
        Format ??= format;
        _output.Add(new TextReasoningContent(reasoning));
    }

    private void ReleaseHeld()
    {
        if (_splitter?.StopHolding() is { Length: > 0 } held)
        {
            _output.Add(new TextContent(held));
        }
    }

    private void AddText(string? content)
    {
        if (string.IsNullOrEmpty(content))
        {
            return;
        }

        if (_splitter is not null)
        {
            _splitter.Feed(content!, out var reasoning, out var text);
            AddSplit(reasoning, text);
        }
        else
        {
            ThinkTagSplitter.Split(content!, out var reasoning, out var text);
            AddSplit(reasoning ?? string.Empty, text);
        }
    }

    private void AddSplit(string reasoning, string text)
    {
        if (reasoning.Length > 0 && !_fieldReasoning)
        {
            _tagReasoning = true;
            Format ??= ReasoningFormats.ThinkTag;
            _output.Add(new TextReasoningContent(reasoning));
        }

        if (text.Length > 0)
        {
            _output.Add(new TextContent(text));
        }
    }

    /// <summary>
    /// Text of a value that may be a string or an array of typed parts (<c>[{"type":"text","text":..}]</c>, the
    /// shape some servers use for <c>content</c>, <c>thinking</c> and the reasoning fields); <c>null</c> when neither.
    /// </summary>
    private static string? PartsText(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        string? single = null;
        StringBuilder? builder = null;
        foreach (var part in value.EnumerateArray())
        {
            var text = part.ValueKind == JsonValueKind.String ? part.GetString() : JsonHelpers.GetString(part, "text");
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }

            if (single is null)
            {
                single = text;
            }
            else
            {
                (builder ??= new StringBuilder(single)).Append(text);
            }
        }

        return builder?.ToString() ?? single;
    }
}
