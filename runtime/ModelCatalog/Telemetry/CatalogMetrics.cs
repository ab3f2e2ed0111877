using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;
using Microsoft.Extensions.AI;

namespace ModelCatalog;

/// <summary>
/// The instruments of the <c>ModelCatalog</c> <see cref="Meter"/> (README.md, Telemetry), tagged with the OpenTelemetry
/// gen_ai attributes: <c>gen_ai.provider.name</c> (the catalog's provider id), <c>gen_ai.request.model</c> (the model
/// id sent), <c>gen_ai.response.model</c> (the model the provider says answered; successful attempts only).
/// One static meter, as .NET libraries do: listeners (OpenTelemetry's <c>AddMeter("ModelCatalog")</c>) pick it by name.
/// </summary>
internal static class CatalogMetrics
{
    private const string ProviderTag = "gen_ai.provider.name";
    private const string RequestModelTag = "gen_ai.request.model";
    private const string ResponseModelTag = "gen_ai.response.model";
    private const string TokenTypeTag = "gen_ai.token.type";
    private const string FailureReasonTag = "modelcatalog.failure_reason";

    private static readonly Meter Meter = new(CatalogChatClient.MeterName, typeof(CatalogMetrics).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion);

    // double, not decimal: OpenTelemetry's SDK exports only long and double instruments. The ledger keeps the exact decimal.
    private static readonly Counter<double> Cost = Meter.CreateCounter<double>(
        "modelcatalog.client.cost", "USD", "Cost of successful calls, from the catalog's prices; calls with an unknown price add nothing.");

    private static readonly Counter<long> Tokens = Meter.CreateCounter<long>(
        "modelcatalog.client.tokens", "{token}", "Tokens of successful calls by gen_ai.token.type: input (cached included), output (reasoning included), cached (input read from the prompt cache).");

    private static readonly Counter<long> Attempts = Meter.CreateCounter<long>(
        "modelcatalog.client.attempts", "{attempt}", "Attempts per model; failed and skipped ones carry modelcatalog.failure_reason.");

    /// <summary>A successful attempt: one attempt, its tokens and (when priced) its cost; the cost also goes on the current activity.</summary>
    public static void RecordSuccess(ModelInfo model, string responseModel, UsageDetails? usage, decimal? cost)
    {
        if (cost is { } known)
        {
            // The innermost activity when the response completes: UseOpenTelemetry()'s chat span, or the caller's own.
            Activity.Current?.SetTag(CatalogChatClient.CostActivityTagName, (double)known);
        }

        if (!Attempts.Enabled && !Tokens.Enabled && !Cost.Enabled)
        {
            return;
        }

        var tags = new TagList
        {
            { ProviderTag, model.Provider },
            { RequestModelTag, model.Id },
            { ResponseModelTag, responseModel },
        };
        Attempts.Add(1, tags);
        if (cost is { } value)
        {
            Cost.Add((double)value, tags);
        }

        if (usage is not null)
        {
            AddTokens(usage.InputTokenCount, "input", tags);
            AddTokens(usage.OutputTokenCount, "output", tags);
            AddTokens(usage.CachedInputTokenCount, "cached", tags);
        }
    }

    /// <summary>A failed attempt, or a candidate skipped without a request (its reason <see cref="FailureReason.Skipped"/>).</summary>
    public static void RecordFailure(ModelInfo model, FailureReason reason)
    {
        if (!Attempts.Enabled)
        {
            return;
        }

        Attempts.Add(1, new TagList
        {
            { ProviderTag, model.Provider },
            { RequestModelTag, model.Id },
            { FailureReasonTag, reason.ToString() },
        });
    }

    private static void AddTokens(long? count, string type, TagList tags)
    {
        if (count is { } value)
        {
            tags.Add(TokenTypeTag, type);
            Tokens.Add(value, tags);
        }
    }
}
