using System;
using System.Collections.Generic;

namespace ModelCatalog;

/// <summary>The MiniMax Coding Plan remaining quota, as returned by <see cref="MiniMaxCodingPlan.GetRemainsWithStoreAsync"/>.</summary>
public sealed class MiniMaxCodingPlanRemains
{
    internal MiniMaxCodingPlanRemains(IReadOnlyList<MiniMaxModelRemains> models) => Models = models;

    /// <summary>Every row of <c>model_remains</c>, in the order MiniMax sent them.</summary>
    public IReadOnlyList<MiniMaxModelRemains> Models { get; }

    /// <summary>
    /// The chat-model row: the first whose name starts with <c>minimax-m</c> (ignoring case) and whose window total is
    /// positive, as OpenClaw reads it; <c>null</c> when there is none.
    /// </summary>
    public MiniMaxModelRemains? ChatModel
    {
        get
        {
            foreach (var model in Models)
            {
                if (model.IntervalTotal > 0 && model.ModelName.StartsWith("minimax-m", StringComparison.OrdinalIgnoreCase))
                {
                    return model;
                }
            }

            return null;
        }
    }
}
