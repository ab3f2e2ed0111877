using System.Collections.Generic;
using System.Text;
using Microsoft.Extensions.AI;

namespace ModelCatalog;

/// <summary>
/// A conversation split the way every protocol needs it: the system prompt (<see cref="ChatOptions.Instructions"/>
/// plus system messages, in order) and the remaining turns.
/// </summary>
internal sealed class PromptParts
{
    private PromptParts(string? system, List<ChatMessage> turns)
    {
        System = system;
        Turns = turns;
    }

    public string? System { get; }

    public List<ChatMessage> Turns { get; }

    public static PromptParts Split(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        StringBuilder? system = null;
        if (!string.IsNullOrEmpty(options?.Instructions))
        {
            system = new StringBuilder(options!.Instructions);
        }

        var turns = new List<ChatMessage>(messages is ICollection<ChatMessage> collection ? collection.Count : 4);
        foreach (var message in messages)
        {
            if (message.Role == ChatRole.System)
            {
                var text = message.Text;
                if (text.Length > 0)
                {
                    system = system is null ? new StringBuilder(text) : system.Append("\n\n").Append(text);
                }
            }
            else
            {
                turns.Add(message);
            }
        }

        return new PromptParts(system?.ToString(), turns);
    }
}
