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
        // The usual prompt has at most one system text: it is kept as it is, and a builder is made only to join a second.
        string? system = string.IsNullOrEmpty(options?.Instructions) ? null : options!.Instructions;
        StringBuilder? joined = null;
        List<ChatMessage> turns;
        if (messages is IList<ChatMessage> list)
        {
            // Indexed: enumerating an array through IEnumerable would allocate an enumerator per request.
            turns = new List<ChatMessage>(list.Count);
            for (int i = 0; i < list.Count; i++)
            {
                Add(list[i], turns, ref system, ref joined);
            }
        }
        else
        {
            turns = new List<ChatMessage>(messages is ICollection<ChatMessage> collection ? collection.Count : 4);
            foreach (var message in messages)
            {
                Add(message, turns, ref system, ref joined);
            }
        }

        return new PromptParts(joined?.ToString() ?? system, turns);
    }

    private static void Add(ChatMessage message, List<ChatMessage> turns, ref string? system, ref StringBuilder? joined)
    {
        if (message.Role != ChatRole.System)
        {
            turns.Add(message);
            return;
        }

        var text = message.Text;
        if (text.Length == 0)
        {
            return;
        }

        if (system is null)
        {
            system = text;
        }
        else
        {
            (joined ??= new StringBuilder(system)).Append("\n\n").Append(text);
        }
    }
}
