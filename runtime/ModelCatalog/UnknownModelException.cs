using System;
using System.Collections.Generic;

namespace ModelCatalog;

/// <summary>Why a model ref or alias could not be resolved.</summary>
public enum UnknownModelReason
{
    /// <summary>The value is neither <c>provider/model-id</c> nor a known alias.</summary>
    UnknownAlias,

    /// <summary>The provider part names no provider of the catalog.</summary>
    UnknownProvider,

    /// <summary>The provider exists but has no model with this id.</summary>
    UnknownModel,

    /// <summary>The model id differs only in case from a catalog model (model ids are case-sensitive).</summary>
    CaseMismatch,

    /// <summary>No model was named and the catalog has no primary model.</summary>
    NoPrimary,

    /// <summary>The provider is built in, but <c>models.mode: replace</c> left the built-in providers out.</summary>
    BuiltInProviderExcluded,

    /// <summary>The ref holds a <c>${VAR}</c> reference that is not set, or was not resolved (only the chat client resolves them).</summary>
    UnresolvedVariable,
}

/// <summary>
/// "Unknown model: x/y", plus why and how to fix it. Thrown by <see cref="Catalog.Resolve"/> and by the chat client.
/// </summary>
public class UnknownModelException : Exception
{
    /// <summary>Creates the exception.</summary>
    public UnknownModelException(string modelRef, UnknownModelReason reason, string? suggestion, string message)
        : base(message)
    {
        ModelRef = modelRef;
        Reason = reason;
        Suggestion = suggestion;
    }

    /// <summary>The ref or alias as it was requested.</summary>
    public string ModelRef { get; }

    /// <summary>Why it could not be resolved.</summary>
    public UnknownModelReason Reason { get; }

    /// <summary>The catalog's closest ref, alias or provider id, when one is close; else <c>null</c>.</summary>
    public string? Suggestion { get; }

    /// <summary>Every did-you-mean candidate (refs or aliases), best first, at most three; empty when none is close.</summary>
    public IReadOnlyList<string> Suggestions { get; internal set; } = Array.Empty<string>();

    /// <summary>The shared ref verdict this exception reports (tests compare it with the build's).</summary>
    internal RefVerdictKind Verdict { get; set; } = RefVerdictKind.NotARef;
}
