using System;

namespace ModelCatalog;

/// <summary>The MiniMax Coding Plan quota call failed (HTTP error, <c>base_resp.status_code != 0</c>, or an unreadable body).</summary>
public class MiniMaxCodingPlanException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MiniMaxCodingPlanException(string message, int? httpStatusCode = null, int? statusCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        HttpStatusCode = httpStatusCode;
        StatusCode = statusCode;
    }

    /// <summary>The HTTP status, when the call got a non-2xx answer.</summary>
    public int? HttpStatusCode { get; }

    /// <summary>MiniMax's <c>base_resp.status_code</c> (e.g. 1004 = authentication), when it sent one.</summary>
    public int? StatusCode { get; }
}
