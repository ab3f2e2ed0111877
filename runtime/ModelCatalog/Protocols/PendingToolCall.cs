using System.Text;
using Microsoft.Extensions.AI;

namespace ModelCatalog;

/// <summary>A tool call whose arguments arrive in streamed JSON fragments; it becomes a <see cref="FunctionCallContent"/> when complete.</summary>
internal sealed class PendingToolCall
{
    public string Id { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public StringBuilder Arguments { get; } = new();

    public FunctionCallContent ToContent() => JsonHelpers.CreateFunctionCall(Id, Name, Arguments.ToString());
}
