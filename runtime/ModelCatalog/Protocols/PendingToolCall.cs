using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace ModelCatalog;

/// <summary>A tool call whose arguments arrive in streamed JSON fragments; it becomes a <see cref="FunctionCallContent"/> when complete.</summary>
internal sealed class PendingToolCall
{
    private JsonElement _startArguments;

    public string Id { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    /// <summary>The Responses item id (<c>item_id</c>) the call's events refer to, when the server gives one.</summary>
    public string? ItemId { get; set; }

    /// <summary>The Responses <c>output_index</c> of the call.</summary>
    public long OutputIndex { get; set; } = -1;

    public StringBuilder Arguments { get; } = new();

    /// <summary>
    /// Arguments that came whole with the call's start (Anthropic <c>content_block_start.input</c>, a Responses item
    /// already carrying them): used when no fragment follows; fragments, when they come, are the arguments
    /// (a start <c>input: {}</c> followed by fragments = the fragments, never both).
    /// </summary>
    public void SetStartArguments(JsonElement arguments) =>
        _startArguments = arguments.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null ? default : arguments.Clone();

    /// <summary>Appends one streamed fragment: a string is JSON text; an object (lenient servers) is its JSON; null adds nothing.</summary>
    public void AppendFragment(JsonElement fragment)
    {
        switch (fragment.ValueKind)
        {
            case JsonValueKind.String:
                Arguments.Append(fragment.GetString());
                break;
            case JsonValueKind.Undefined:
            case JsonValueKind.Null:
                break;
            default:
                Arguments.Append(fragment.GetRawText());
                break;
        }
    }

    public FunctionCallContent ToContent()
    {
        for (int i = 0; i < Arguments.Length; i++)
        {
            if (!char.IsWhiteSpace(Arguments[i]))
            {
                return JsonHelpers.CreateFunctionCall(Id, Name, Arguments.ToString());
            }
        }

        return JsonHelpers.CreateFunctionCall(Id, Name, _startArguments);
    }
}
