using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using ModelCatalog.Internal;

namespace ModelCatalog;

/// <summary>
/// An <see cref="IChatClient"/> that sends chat requests through a <see cref="Catalog"/>: it resolves
/// <c>provider/model</c> refs and aliases from <see cref="ChatOptions.ModelId"/> (or uses the primary model), reads
/// API keys from <c>${VAR}</c> references, speaks <c>anthropic-messages</c>, <c>openai-completions</c> and
/// <c>openai-responses</c>, falls back from the requested model to the catalog's fallbacks, and reports usage and
/// cost. Thread-safe; one instance is meant to be shared (register it as a singleton).
/// </summary>
public sealed class CatalogChatClient : IChatClient
{
    /// <summary>The <c>AdditionalProperties</c> key holding the provider's own model name (e.g. <c>claude-sonnet-4-5-20250929</c>).</summary>
    public const string ProviderModelIdPropertyName = "ModelCatalog.ProviderModelId";

    /// <summary>
    /// The name of the <see cref="System.Diagnostics.Metrics.Meter"/> that reports cost, tokens and attempts (README.md,
    /// Telemetry): pass it to OpenTelemetry's <c>AddMeter</c>.
    /// </summary>
    public const string MeterName = "ModelCatalog";

    /// <summary>
    /// The tag holding a successful call's cost in USD (a <see cref="double"/>) on <see cref="System.Diagnostics.Activity.Current"/>
    /// when the response completes, e.g. the chat span of Microsoft.Extensions.AI's <c>UseOpenTelemetry()</c>. Not set when the price is unknown.
    /// </summary>
    public const string CostActivityTagName = "modelcatalog.cost";

    private const int SyntheticContextWindow = TokenLimits.DefaultContextWindow;
    private const int SyntheticMaxTokens = TokenLimits.DefaultMaxTokens;

    private static readonly IReadOnlyDictionary<string, string> NoHeaders = new ReadOnlyDictionary<string, string>(new Dictionary<string, string>());
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json");
    private const int MaxCachedBodyBuffer = 64 * 1024;

    [ThreadStatic]
    private static MemoryStream? s_bodyBuffer;

    [ThreadStatic]
    private static Utf8JsonWriter? s_bodyWriter;

    private readonly HttpClient _httpClient;
    private readonly bool _ownsHttpClient;
    private readonly CatalogChatClientOptions _options;
    private readonly ModelCooldowns _cooldowns;
    private readonly BudgetTracker _budgets;
    private readonly OAuthSessions _oauth;
    private readonly ConcurrentDictionary<ModelInfo, ModelRoute> _routes = new();
    private readonly ConcurrentDictionary<string, ModelInfo> _syntheticModels = new(ModelRefComparer.Instance);
    private readonly HashSet<string> _allowlist;
    private readonly ChatClientMetadata _metadata;

    /// <summary>Creates a client over <paramref name="catalog"/>.</summary>
    /// <param name="catalog">The catalog, e.g. the generated <c>GeneratedModelCatalog.Instance</c>.</param>
    /// <param name="httpClient">The HTTP client to send with (e.g. from <c>IHttpClientFactory</c>); when <c>null</c> the client creates and owns one.</param>
    /// <param name="options">Failover, retry, cooldown, timeout and secret settings; <c>null</c> = defaults. Copied values are read per request.</param>
    public CatalogChatClient(Catalog catalog, HttpClient? httpClient = null, CatalogChatClientOptions? options = null)
    {
        Catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        _options = (options ?? new CatalogChatClientOptions()).Validate();
        if (httpClient is null)
        {
            // Generations can take minutes; the per-attempt timeout of the options bounds them instead.
            _httpClient = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
            _ownsHttpClient = true;
        }
        else
        {
            _httpClient = httpClient;
        }

        _cooldowns = new ModelCooldowns(_options.Cooldown, _options.Clock);
        _allowlist = new HashSet<string>(catalog.Allowlist, ModelRefComparer.Instance);
        _metadata = new ChatClientMetadata("modelcatalog", null, catalog.Primary);

        _budgets = new BudgetTracker(_options.Budgets, ResolveBudgetScope, _options.UnknownPriceIsOverBudget, _options.Clock);
        _oauth = new OAuthSessions(_options.OAuthTokenStore, _httpClient, _options.Clock);
    }

    /// <summary>The catalog requests are resolved against.</summary>
    public Catalog Catalog { get; }

    /// <summary>Running token and cost totals of every successful call of this client, per model ref.</summary>
    public CostLedger Ledger { get; } = new();

    /// <summary>Sends a chat request, failing over to the catalog's fallbacks as README.md (Fallbacks) describes.</summary>
    /// <exception cref="UnknownModelException"><see cref="ChatOptions.ModelId"/> names no model (or none is given and the catalog has no primary).</exception>
    /// <exception cref="ModelFailoverException">Every candidate model failed (or was over budget after others failed).</exception>
    /// <exception cref="BudgetExceededException">Every candidate model was over a <see cref="SpendBudget"/>; nothing was sent.</exception>
    /// <exception cref="ModelRequestException">
    /// The request was rejected in a way no other model can fix (plain 400/422, also when reported inside a 200), or the
    /// client failed to decode a 2xx body (<see cref="FailureReason.InternalError"/>; the decoding error is the inner exception).
    /// </exception>
    public async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (messages is null)
        {
            throw new ArgumentNullException(nameof(messages));
        }

        var session = new FailoverSession(PlanCandidates(options?.ModelId), _cooldowns, _options);
        var prompt = PromptParts.Split(messages, options);
        while (session.TryNext(out var model))
        {
            for (int retries = 0; ; retries++)
            {
                ProviderFailureException failure;
                try
                {
                    // The attempt is written out here rather than in a method of its own: one async state machine per
                    // call, not two, and no await at all for the OAuth access of a provider that does not sign in.
                    var route = GetRoute(model);
                    var access = route.IsOAuth ? await _oauth.GetAsync(route.Provider, _options.SecretResolver, cancellationToken).ConfigureAwait(false) : null;
                    for (bool renewed = false; ; renewed = true)
                    {
                        var target = route.Resolve(_options.SecretResolver, access);
                        using var request = CreateRequest(route, target, prompt, options, stream: false);
                        var reservation = Reserve(model, request, options);
                        using var timeout = AttemptTimer.Start(_options.AttemptTimeout, cancellationToken);
                        try
                        {
                            using var response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
                            if (!response.IsSuccessStatusCode)
                            {
                                // A signed-in provider's 401: renew the token once and send again; a second 401 is the provider's auth failure.
                                if (!renewed && await RenewAfterUnauthorizedAsync(route, access, response, cancellationToken).ConfigureAwait(false) is { } fresh)
                                {
                                    access = fresh;
                                    continue;
                                }

                                throw await ReadHttpErrorAsync(response, target).ConfigureAwait(false);
                            }

#if NET
                            // ResponseContentRead buffered the body already: reading it synchronously saves two async state machines per call.
                            using var body = response.Content.ReadAsStream(timeout.Token);
                            using var document = JsonDocument.Parse(body);
#else
                            using var body = await response.Content.ReadBodyStreamAsync(timeout.Token).ConfigureAwait(false);
                            using var document = await JsonDocument.ParseAsync(body, default, timeout.Token).ConfigureAwait(false);
#endif
                            var completed = CompleteResponse(model, route.Protocol!.ReadResponse(document.RootElement), reservation);
                            session.RecordSuccess(model);
                            return completed;
                        }
                        catch (Exception exception) when (!TransportFailures.IsCallerCancellation(exception, cancellationToken))
                        {
                            throw TransportFailures.From(exception, target.Secrets, _options.AttemptTimeout, streaming: false);
                        }
                        finally
                        {
                            reservation?.Release();
                        }
                    }
                }
                catch (ProviderFailureException caught)
                {
                    failure = caught;
                }
                catch (OverBudgetException over)
                {
                    session.RecordOverBudget(model, over.Refusal);
                    break;
                }

                if (!await ShouldRetryAsync(session, model, failure, retries, cancellationToken).ConfigureAwait(false))
                {
                    break;
                }
            }
        }

        throw session.Exhausted();
    }

    /// <summary>
    /// Streams a chat response. Failover happens only before the first update is yielded; afterwards a failure
    /// surfaces as <see cref="ModelRequestException"/>. The last update carries the usage (once) and the cost. A stream
    /// succeeds only when its protocol's real end arrives (<c>[DONE]</c> alone is not enough); an error object inside
    /// the stream, a stream that ends early and a stall (<see cref="CatalogChatClientOptions.AttemptTimeout"/> until the
    /// first update, <see cref="CatalogChatClientOptions.StreamIdleTimeout"/> between events) are failures.
    /// </summary>
    /// <exception cref="UnknownModelException"><see cref="ChatOptions.ModelId"/> names no model (or none is given and the catalog has no primary).</exception>
    /// <exception cref="ModelFailoverException">Every candidate model failed before streaming began.</exception>
    /// <exception cref="BudgetExceededException">Every candidate model was over a <see cref="SpendBudget"/>; nothing was sent.</exception>
    /// <exception cref="ModelRequestException">
    /// A plain 400/422, a failure after the first update (a truncated stream, an error event or a stall), or a client
    /// failure to decode the body (<see cref="FailureReason.InternalError"/>).
    /// </exception>
    /// <exception cref="OperationCanceledException">The caller cancelled; never failed over.</exception>
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (messages is null)
        {
            throw new ArgumentNullException(nameof(messages));
        }

        var session = new FailoverSession(PlanCandidates(options?.ModelId), _cooldowns, _options);
        var prompt = PromptParts.Split(messages, options);
        while (session.TryNext(out var model))
        {
            for (int retries = 0; ; retries++)
            {
                ProviderFailureException? failure = null;
                StreamingCall? call = null;
                try
                {
                    call = await StartStreamAsync(model, prompt, options, cancellationToken).ConfigureAwait(false);
                }
                catch (ProviderFailureException caught)
                {
                    failure = caught;
                }
                catch (OverBudgetException over)
                {
                    session.RecordOverBudget(model, over.Refusal);
                    break;
                }

                if (call is not null)
                {
                    bool yielded = false;
                    var updates = call.ReadAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
                    try
                    {
                        while (true)
                        {
                            try
                            {
                                if (!await updates.MoveNextAsync().ConfigureAwait(false))
                                {
                                    break;
                                }
                            }
                            catch (ProviderFailureException caught)
                            {
                                failure = caught;
                                break;
                            }

                            yielded = true;
                            yield return updates.Current;
                        }
                    }
                    finally
                    {
                        await updates.DisposeAsync().ConfigureAwait(false);
                        call.Dispose();
                    }

                    if (failure is null)
                    {
                        session.RecordSuccess(model);
                        yield break;
                    }

                    if (yielded)
                    {
                        // The caller already has output from this model: switching models now would splice two answers.
                        session.RecordFailure(model, failure);
                        throw failure.ToRequestException(model.Ref);
                    }
                }

                if (!await ShouldRetryAsync(session, model, failure!, retries, cancellationToken).ConfigureAwait(false))
                {
                    break;
                }
            }
        }

        throw session.Exhausted();
    }

    /// <summary>
    /// Returns the <see cref="ChatClientMetadata"/>, the <see cref="ModelCatalog.Catalog"/>, the <see cref="CostLedger"/>,
    /// or this client, when asked for their type (with no service key); else <c>null</c>.
    /// </summary>
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        if (serviceType is null)
        {
            throw new ArgumentNullException(nameof(serviceType));
        }

        if (serviceKey is not null)
        {
            return null;
        }

        if (serviceType == typeof(ChatClientMetadata))
        {
            return _metadata;
        }

        if (serviceType == typeof(Catalog))
        {
            return Catalog;
        }

        if (serviceType == typeof(CostLedger))
        {
            return Ledger;
        }

        return serviceType.IsInstanceOfType(this) ? this : null;
    }

    /// <summary>Disposes the HTTP client when this instance created it.</summary>
    public void Dispose()
    {
        if (_ownsHttpClient)
        {
            _httpClient.Dispose();
        }
    }

    /// <summary>Names the client and its primary model; never keys or header values.</summary>
    public override string ToString() => "CatalogChatClient (primary: " + (Catalog.Primary ?? "none") + ")";

    /// <summary>Stamps the final streamed update: ids, finish reason, the single usage report and the cost; records the call.</summary>
    internal ChatResponseUpdate CompleteStream(ModelInfo model, StreamDecoder decoder, List<AIContent> contents, BudgetReservation? reservation)
    {
        var usage = decoder.Usage;
        var cost = UsageCost.Compute(model.Cost, usage);
        reservation?.Complete(cost);
        if (usage is not null)
        {
            contents.Add(new UsageContent(usage));
        }

        var properties = decoder.MessageProperties ?? new AdditionalPropertiesDictionary();
        properties[ProviderModelIdPropertyName] = decoder.ProviderModelId ?? model.Id;
        properties[ChatResponseCostExtensions.CostPropertyName] = cost;
        Ledger.Record(model.Ref, usage, cost);
        CatalogMetrics.RecordSuccess(model, decoder.ProviderModelId ?? model.Id, usage, cost);
        return new ChatResponseUpdate(ChatRole.Assistant, contents)
        {
            ModelId = model.Ref,
            ResponseId = decoder.ResponseId,
            MessageId = decoder.MessageId,
            CreatedAt = decoder.CreatedAt,
            FinishReason = decoder.FinishReason,
            AdditionalProperties = properties,
        };
    }

    private async Task<bool> ShouldRetryAsync(
        FailoverSession session, ModelInfo model, ProviderFailureException failure, int retriesDone, CancellationToken cancellationToken)
    {
        session.RecordFailure(model, failure);
        if (!FailureClassifier.AllowsFallback(failure.Reason))
        {
            throw failure.ToRequestException(model.Ref);
        }

        if (!session.ShouldRetry(failure, retriesDone, out var delay))
        {
            return false;
        }

        if (delay > TimeSpan.Zero)
        {
            await _options.Delay(delay, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    // A budget's ModelRef may be an alias or a ${VAR} ref: resolved once. A scope that names nothing fails here rather
    // than never matching.
    private (string? Provider, string? ModelRef) ResolveBudgetScope(SpendBudget budget)
    {
        string? modelRef = budget.ModelRef is null ? null : Find(budget.ModelRef).Ref;
        if (budget.Provider is not { } provider)
        {
            return (null, modelRef);
        }

        if (!Catalog.TryGetProvider(provider, out _))
        {
            throw new ArgumentException("Spend budget '" + budget + "' names provider '" + provider + "', which the catalog does not have.");
        }

        if (modelRef is not null && !modelRef.StartsWith(provider + "/", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException("Spend budget '" + budget + "' names model " + modelRef + " and provider '" + provider +
                "', which never meet: set only one of ModelRef and Provider.");
        }

        return (provider, modelRef);
    }

    private List<ModelInfo> PlanCandidates(string? requested)
    {
        var first = ResolveRequested(requested);
        var candidates = new List<ModelInfo>(1 + Catalog.Fallbacks.Count) { first };
        foreach (var fallback in Catalog.Fallbacks)
        {
            // A ${VAR} fallback whose variable is not set cannot be tried; the requested model's outcome reports the failure.
            if (TryFind(fallback, out var model) && !candidates.Contains(model))
            {
                candidates.Add(model);
            }
        }

        return candidates;
    }

    private ModelInfo ResolveRequested(string? requested)
    {
        ModelInfo model;
        if (requested is null)
        {
            if (Catalog.Primary is null)
            {
                throw new UnknownModelException(string.Empty, UnknownModelReason.NoPrimary, null,
                    "No model requested and the catalog has no primary model: set ChatOptions.ModelId, or set " +
                    "agents.defaults.model.primary in models.yaml.");
            }

            return Find(Catalog.Primary);
        }

        model = Find(requested);
        if (_options.EnforceAllowlist && _allowlist.Count > 0 && !_allowlist.Contains(model.Ref) && !_allowlist.Contains(model.Provider + "/*"))
        {
            throw new InvalidOperationException(
                "Model " + model.Ref + " is not on the allowlist (agents.defaults.models in models.yaml). Add it there, " +
                "request an allowed model, or turn off CatalogChatClientOptions.EnforceAllowlist.");
        }

        return model;
    }

    /// <summary>A ref or alias, its ${VAR} references filled in through the secret resolver (README.md, MC0015).</summary>
    private ModelInfo Find(string refOrAlias)
    {
        var expanded = Catalog.ExpandVariables(refOrAlias, _options.SecretResolver);
        if (Catalog.TryResolve(expanded, out var model))
        {
            return model;
        }

        var unknown = Catalog.Explain(expanded);
        if (unknown.Reason != UnknownModelReason.UnknownModel)
        {
            throw unknown;
        }

        // OpenClaw's behaviour: an unlisted id of a configured provider is used with default limits and no price.
        return _syntheticModels.GetOrAdd(expanded, CreateSyntheticModel);
    }

    private bool TryFind(string refOrAlias, out ModelInfo model)
    {
        try
        {
            model = Find(refOrAlias);
            return true;
        }
        catch (UnknownModelException)
        {
            model = null!;
            return false;
        }
    }

    private ModelInfo CreateSyntheticModel(string modelRef)
    {
        ModelRefParts.TrySplit(modelRef, out var providerId, out var modelId);
        var provider = Catalog.GetProvider(providerId);
        return new ModelInfo(provider.Id, modelId, modelId, provider.Api, provider.ApiName, reasoning: false, ModelInput.Text,
            ModelCost.Unknown, SyntheticContextWindow, SyntheticMaxTokens, NoHeaders, isSynthetic: true);
    }

    private ModelRoute GetRoute(ModelInfo model) =>
        _routes.TryGetValue(model, out var route) ? route : _routes.GetOrAdd(model, new ModelRoute(model, Catalog.GetProvider(model.Provider)));

    private async Task<OAuthAccess?> RenewAfterUnauthorizedAsync(ModelRoute route, OAuthAccess? access, HttpResponseMessage response, CancellationToken cancellationToken) =>
        access is not null && response.StatusCode == System.Net.HttpStatusCode.Unauthorized
            ? await _oauth.RenewAfterUnauthorizedAsync(route.Provider, access, cancellationToken).ConfigureAwait(false)
            : null;

    // Before each attempt (retries included): holds the attempt's worst-case cost in every budget covering the model,
    // or refuses it. The request is built first because its size bounds the input tokens.
    private BudgetReservation? Reserve(ModelInfo model, HttpRequestMessage request, ChatOptions? options)
    {
        if (_budgets.IsEmpty)
        {
            return null;
        }

        long requestBytes = request.Content!.Headers.ContentLength ?? 0;
        var worstCase = BudgetTracker.WorstCase(model.Cost, requestBytes, options?.MaxOutputTokens ?? model.MaxTokens);
        var reservation = _budgets.TryReserve(model, worstCase, out var refusal);
        return refusal is null ? reservation : throw new OverBudgetException(refusal);
    }

    private async Task<StreamingCall> StartStreamAsync(ModelInfo model, PromptParts prompt, ChatOptions? options, CancellationToken cancellationToken)
    {
        var route = GetRoute(model);
        // The signed-in credential of an OAuth provider (null for the others); its failures are attempts like a missing key's.
        var access = route.IsOAuth ? await _oauth.GetAsync(route.Provider, _options.SecretResolver, cancellationToken).ConfigureAwait(false) : null;
        var (call, renewed) = await StartStreamOnceAsync(model, route, access, allowRenewal: true, prompt, options, cancellationToken).ConfigureAwait(false);
        if (call is null)
        {
            // A signed-in provider's 401 renewed the token: one more request, whose 401 stands.
            (call, _) = await StartStreamOnceAsync(model, route, renewed, allowRenewal: false, prompt, options, cancellationToken).ConfigureAwait(false);
        }

        return call!;
    }

    private async Task<(StreamingCall? Call, OAuthAccess? Renewed)> StartStreamOnceAsync(
        ModelInfo model, ModelRoute route, OAuthAccess? access, bool allowRenewal, PromptParts prompt, ChatOptions? options, CancellationToken cancellationToken)
    {
        var target = route.Resolve(_options.SecretResolver, access);
        using var request = CreateRequest(route, target, prompt, options, stream: true);
        var reservation = Reserve(model, request, options);
        long startedAt = Stopwatch.GetTimestamp();

        // One timer per attempt: the attempt timeout up to the headers, then the StreamingCall re-arms it per event.
        var idleTimeout = _options.StreamIdleTimeout ?? _options.AttemptTimeout;
        var timeout = _options.AttemptTimeout == Timeout.InfiniteTimeSpan && idleTimeout == Timeout.InfiniteTimeSpan
            ? null
            : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout?.CancelAfter(_options.AttemptTimeout);
        HttpResponseMessage? response = null;
        try
        {
            var token = timeout?.Token ?? cancellationToken;
            response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                if (allowRenewal && await RenewAfterUnauthorizedAsync(route, access, response, cancellationToken).ConfigureAwait(false) is { } fresh)
                {
                    return (null, fresh);
                }

                throw await ReadHttpErrorAsync(response, target).ConfigureAwait(false);
            }

            StreamingCall call;
            if (IsJson(response.Content.Headers))
            {
                // A JSON body answering a stream request: an error report (classified by its content, like an HTTP
                // error), or a whole response from a server that ignored "stream": true.
                using var body = await response.Content.ReadBodyStreamAsync(cancellationToken).ConfigureAwait(false);
                using var document = await JsonDocument.ParseAsync(body, default, token).ConfigureAwait(false);
                var whole = CompleteResponse(model, route.Protocol!.ReadResponse(document.RootElement), reservation);
                call = new StreamingCall(this, model, response, ToUpdate(whole));
                timeout?.Dispose();
            }
            else
            {
                var body = await response.Content.ReadBodyStreamAsync(cancellationToken).ConfigureAwait(false);
                call = new StreamingCall(this, model, route.Protocol!.CreateStreamDecoder(model), response, body, target.Secrets,
                    timeout, _options.AttemptTimeout, idleTimeout, startedAt) { Reservation = reservation };
                reservation = null;
            }

            timeout = null;
            response = null;
            return (call, null);
        }
        catch (Exception exception) when (!TransportFailures.IsCallerCancellation(exception, cancellationToken))
        {
            throw TransportFailures.From(exception, target.Secrets, _options.AttemptTimeout, streaming: false);
        }
        finally
        {
            reservation?.Release();
            response?.Dispose();
            timeout?.Dispose();
        }
    }

    // application/json or another +json type. Reads the raw header where it can: parsing it would allocate on every stream.
    private static bool IsJson(HttpContentHeaders headers)
    {
#if NET
        if (!headers.NonValidated.TryGetValues("Content-Type", out var values))
        {
            return false;
        }

        var contentType = values.ToString().AsSpan();
#else
        if (headers.ContentType?.MediaType is not { } mediaType)
        {
            return false;
        }

        var contentType = mediaType.AsSpan();
#endif
        int parameters = contentType.IndexOf(';');
        var type = (parameters < 0 ? contentType : contentType.Slice(0, parameters)).Trim();
        return type.Equals("application/json".AsSpan(), StringComparison.OrdinalIgnoreCase) ||
               type.EndsWith("+json".AsSpan(), StringComparison.OrdinalIgnoreCase);
    }

    // The single update that carries a whole response, stamped like the final update of a stream.
    private static ChatResponseUpdate ToUpdate(ChatResponse response)
    {
        var message = response.Messages[0];
        var contents = new List<AIContent>(message.Contents);
        if (response.Usage is { } usage)
        {
            contents.Add(new UsageContent(usage));
        }

        var properties = message.AdditionalProperties ?? new AdditionalPropertiesDictionary();
        properties[ProviderModelIdPropertyName] = response.AdditionalProperties![ProviderModelIdPropertyName];
        return new ChatResponseUpdate(ChatRole.Assistant, contents)
        {
            ModelId = response.ModelId,
            ResponseId = response.ResponseId,
            MessageId = message.MessageId,
            CreatedAt = response.CreatedAt,
            FinishReason = response.FinishReason,
            AdditionalProperties = properties,
        };
    }

    private ChatResponse CompleteResponse(ModelInfo model, ParsedResponse parsed, BudgetReservation? reservation)
    {
        var cost = UsageCost.Compute(model.Cost, parsed.Usage);
        reservation?.Complete(cost);
        var message = parsed.Message;
        object? boxedCost = cost; // boxed once for both dictionaries
        message.AdditionalProperties ??= new AdditionalPropertiesDictionary();
        message.AdditionalProperties[ChatResponseCostExtensions.CostPropertyName] = boxedCost;
        Ledger.Record(model.Ref, parsed.Usage, cost);
        CatalogMetrics.RecordSuccess(model, parsed.ProviderModelId ?? model.Id, parsed.Usage, cost);
        return new ChatResponse(message)
        {
            ResponseId = parsed.ResponseId,
            ModelId = model.Ref,
            CreatedAt = parsed.CreatedAt,
            FinishReason = parsed.FinishReason,
            Usage = parsed.Usage,
            AdditionalProperties = new AdditionalPropertiesDictionary
            {
                [ProviderModelIdPropertyName] = parsed.ProviderModelId ?? model.Id,
                [ChatResponseCostExtensions.CostPropertyName] = boxedCost,
            },
        };
    }

    private static HttpRequestMessage CreateRequest(ModelRoute route, ResolvedRoute target, PromptParts prompt, ChatOptions? options, bool stream)
    {
        var content = new ByteArrayContent(WriteBody(route, prompt, options, stream));
        content.Headers.ContentType = JsonMediaType;
        var request = new HttpRequestMessage(HttpMethod.Post, target.Url) { Content = content };
        if (stream)
        {
            request.Headers.Accept.ParseAdd("text/event-stream");
        }

        route.Protocol!.AddAuthHeaders(request, target.ApiKey, route.Provider);
        foreach (var header in target.Headers)
        {
            request.Headers.Remove(header.Key);
            if (!request.Headers.TryAddWithoutValidation(header.Key, header.Value))
            {
                content.Headers.Remove(header.Key);
                content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        return request;
    }

    // The JSON body, written through a per-thread writer and buffer (WriteRequest is synchronous) and copied out at its
    // exact size: one array per request instead of a stream, its growing buffer and a writer. A buffer grown past
    // MaxCachedBodyBuffer by a large prompt is not kept.
    private static byte[] WriteBody(ModelRoute route, PromptParts prompt, ChatOptions? options, bool stream)
    {
        var buffer = s_bodyBuffer ??= new MemoryStream(1024);
        var writer = s_bodyWriter;
        if (writer is null)
        {
            writer = s_bodyWriter = new Utf8JsonWriter(buffer, WriterOptions);
        }
        else
        {
            writer.Reset(buffer);
        }

        try
        {
            route.Protocol!.WriteRequest(writer, prompt, options, route.Model, stream);
            writer.Flush();
            return buffer.ToArray();
        }
        finally
        {
            buffer.SetLength(0);
            if (buffer.Capacity > MaxCachedBodyBuffer)
            {
                s_bodyBuffer = null;
                s_bodyWriter = null;
            }
        }
    }

    private static async Task<ProviderFailureException> ReadHttpErrorAsync(HttpResponseMessage response, ResolvedRoute target)
    {
        byte[] body;
        try
        {
            body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException)
        {
            body = Array.Empty<byte>();
        }

        return ProviderErrorReader.FromHttpError(response, body, target.Secrets);
    }
}
