using System;
using System.Text;
using Microsoft.Extensions.AI;

namespace ModelCatalog;

/// <summary>
/// Remembers, on an assistant <see cref="ChatMessage"/>, in which form an OpenAI-compatible server sent its reasoning,
/// so a later turn can send it back the same way (MiniMax asks for that) or leave it out (servers that reject it).
/// </summary>
internal static class ReasoningFormats
{
    /// <summary>The message <c>AdditionalProperties</c> key.</summary>
    public const string PropertyName = "ModelCatalog.ReasoningFormat";

    /// <summary><c>&lt;think&gt;…&lt;/think&gt;</c> inline at the start of <c>content</c> (MiniMax default).</summary>
    public const string ThinkTag = "think-tag";

    /// <summary><c>reasoning_details: [{"type":"reasoning.text","text":..}]</c> (MiniMax with <c>reasoning_split</c>).</summary>
    public const string ReasoningDetails = "reasoning_details";

    /// <summary>
    /// <c>reasoning_content</c> (DeepSeek, Kimi, LM Studio): sent back in the same field on the assistant messages,
    /// which servers that check the history require on those with tool calls (case 04 of the handed provider cases).
    /// </summary>
    public const string ReasoningContent = "reasoning_content";

    /// <summary><c>reasoning</c> (vLLM, OpenRouter): sent back in the same field, like <see cref="ReasoningContent"/>.</summary>
    public const string Reasoning = "reasoning";

    /// <summary><c>reasoning_text</c>: sent back in the same field, like <see cref="ReasoningContent"/>.</summary>
    public const string ReasoningTextField = "reasoning_text";

    /// <summary>The plain reasoning fields, in the order they are looked for; a format with one of these names is replayed in that field.</summary>
    public static readonly string[] ReasoningFields = { ReasoningContent, Reasoning, ReasoningTextField };

    /// <summary>Whether <paramref name="format"/> is one of the <see cref="ReasoningFields"/> (the format is the field's name).</summary>
    public static bool IsReasoningField(string? format) => Array.IndexOf(ReasoningFields, format) >= 0;

    public static string? Of(ChatMessage message) =>
        message.AdditionalProperties is { } properties && properties.TryGetValue(PropertyName, out var value) ? value as string : null;

    public static AdditionalPropertiesDictionary? Mark(AdditionalPropertiesDictionary? properties, string? format)
    {
        if (format is null)
        {
            return properties;
        }

        properties ??= new AdditionalPropertiesDictionary();
        properties[PropertyName] = format;
        return properties;
    }

    /// <summary>Concatenated text of a message's reasoning parts (empty when none).</summary>
    public static string ReasoningText(ChatMessage message)
    {
        StringBuilder? builder = null;
        // Indexed: foreach over the IList would box its enumerator on every message of every request.
        for (int contentIndex = 0; contentIndex < message.Contents.Count; contentIndex++)
        {
            var content = message.Contents[contentIndex];
            if (content is TextReasoningContent reasoning && reasoning.Text.Length > 0)
            {
                (builder ??= new StringBuilder()).Append(reasoning.Text);
            }
        }

        return builder?.ToString() ?? string.Empty;
    }

    /// <summary>Concatenated text of a message's <see cref="TextContent"/> parts.</summary>
    public static string AnswerText(ChatMessage message)
    {
        StringBuilder? builder = null;
        string? single = null;
        // Indexed: foreach over the IList would box its enumerator on every message of every request.
        for (int contentIndex = 0; contentIndex < message.Contents.Count; contentIndex++)
        {
            var content = message.Contents[contentIndex];
            if (content is TextContent text && text.Text.Length > 0)
            {
                if (single is null && builder is null)
                {
                    single = text.Text;
                }
                else
                {
                    builder ??= new StringBuilder(single);
                    builder.Append(text.Text);
                }
            }
        }

        return builder?.ToString() ?? single ?? string.Empty;
    }

    public static bool IsSameFormat(string? a, string b) => string.Equals(a, b, StringComparison.Ordinal);
}
