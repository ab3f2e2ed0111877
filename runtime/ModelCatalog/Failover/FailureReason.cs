namespace ModelCatalog;

/// <summary>Why one attempt of a chat request failed; decides whether the client retries or falls back.</summary>
public enum FailureReason
{
    /// <summary>408, 409 or 425: transient; retried, then the next model.</summary>
    Transient,

    /// <summary>429 rate limit: retried honouring Retry-After, then the next model.</summary>
    RateLimit,

    /// <summary>5xx or 529 (overloaded): retried, then the next model.</summary>
    ServerError,

    /// <summary>Billing: 402, 429 <c>insufficient_quota</c>, "credit balance too low", MiniMax 1008. Next model, no retry.</summary>
    Billing,

    /// <summary>401 or 403: every model of the provider is skipped.</summary>
    Authentication,

    /// <summary>The key or another <c>${VAR}</c> could not be resolved, or a literal key was not compiled in, or the api kind is not callable.</summary>
    Configuration,

    /// <summary>404: the provider does not serve the model. Next model.</summary>
    NotFound,

    /// <summary>The prompt does not fit the context window: only a model with a larger window is tried.</summary>
    ContextOverflow,

    /// <summary>Connection refused, reset, DNS or another I/O failure: retried, then the next model.</summary>
    Network,

    /// <summary>
    /// The attempt exceeded <see cref="CatalogChatClientOptions.AttemptTimeout"/> (no response, or no streamed output in
    /// time) or a stream stayed silent longer than <see cref="CatalogChatClientOptions.StreamIdleTimeout"/>: retried,
    /// then the next model; after the first streamed update it surfaces as <see cref="ModelRequestException"/>.
    /// </summary>
    Timeout,

    /// <summary>
    /// An in-band error whose content names no other reason, or a broken, malformed or incomplete stream (it ended
    /// without its protocol's finish, <c>[DONE]</c> alone included). Next model only before the first streamed update.
    /// </summary>
    StreamError,

    /// <summary>A 2xx response that is not valid JSON or not the expected shape. Next model.</summary>
    InvalidResponse,

    /// <summary>The provider reported an error that is not classified otherwise (e.g. a MiniMax <c>base_resp</c> code). Next model.</summary>
    ProviderError,

    /// <summary>
    /// A plain 400 or 422, or an in-band <c>invalid_request_error</c> (or <c>"code": 400</c>) that is no context overflow: the
    /// request itself is wrong, so no other model is tried.
    /// </summary>
    BadRequest,

    /// <summary>
    /// Not attempted: an earlier failure ruled the model out (its provider failed authentication, or its context window is
    /// too small), or it is over a <see cref="SpendBudget"/> covering it.
    /// </summary>
    Skipped,

    /// <summary>
    /// The client itself failed while decoding a 2xx response (a bug in ModelCatalog, not the provider's failure):
    /// surfaced at once as <see cref="ModelRequestException"/> with the decoding exception as inner exception; no
    /// retry and no other model, so a client bug never causes a second billed call.
    /// </summary>
    InternalError,
}
