using System;

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
}
