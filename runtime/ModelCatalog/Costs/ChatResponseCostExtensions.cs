using System;
using Microsoft.Extensions.AI;

namespace ModelCatalog;

/// <summary>Reads the USD cost that <see cref="CatalogChatClient"/> attaches to responses and streamed updates.</summary>
public static class ChatResponseCostExtensions
{
    /// <summary>
    /// The <c>AdditionalProperties</c> key holding a call's cost (a <see cref="decimal"/>, or <c>null</c> when the
    /// price is unknown). It sits on the response, its message and the final streamed update.
    /// </summary>
    public const string CostPropertyName = "ModelCatalog.CostUsd";

    /// <summary>
    /// The cost in USD of the calls behind <paramref name="response"/>: the sum over its messages (so a response
    /// assembled by <c>UseFunctionInvocation()</c> or <c>ToChatResponse()</c> from several calls counts each), or
    /// <c>null</c> when any call's price is unknown or the response did not come from a <see cref="CatalogChatClient"/>.
    /// </summary>
    public static decimal? GetCost(this ChatResponse response)
    {
        if (response is null)
        {
            throw new ArgumentNullException(nameof(response));
        }

        decimal total = 0m;
        bool found = false;
        foreach (var message in response.Messages)
        {
            if (message.AdditionalProperties is { } properties && properties.TryGetValue(CostPropertyName, out var value))
            {
                if (value is not decimal cost)
                {
                    return null;
                }

                total += cost;
                found = true;
            }
        }

        if (found)
        {
            return total;
        }

        return response.AdditionalProperties is { } responseProperties &&
               responseProperties.TryGetValue(CostPropertyName, out var responseValue) && responseValue is decimal responseCost
            ? responseCost
            : null;
    }

    /// <summary>
    /// The cost in USD carried by a streamed update: only the final update of a call has one; <c>null</c> for the
    /// others and when the price is unknown.
    /// </summary>
    public static decimal? GetCost(this ChatResponseUpdate update)
    {
        if (update is null)
        {
            throw new ArgumentNullException(nameof(update));
        }

        return update.AdditionalProperties is { } properties && properties.TryGetValue(CostPropertyName, out var value) && value is decimal cost
            ? cost
            : null;
    }
}
