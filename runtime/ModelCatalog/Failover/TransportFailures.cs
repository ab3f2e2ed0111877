using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using System.Threading;

namespace ModelCatalog;

/// <summary>Turns exceptions of the HTTP/JSON/SSE layers into classified, secret-free failures.</summary>
internal static class TransportFailures
{
    /// <summary><c>true</c> when the caller cancelled: never failed over, always propagated.</summary>
    public static bool IsCallerCancellation(Exception exception, CancellationToken callerToken) =>
        exception is OperationCanceledException && callerToken.IsCancellationRequested;

    public static ProviderFailureException From(Exception exception, IReadOnlyList<string> secrets, TimeSpan timeout, bool streaming)
    {
        switch (exception)
        {
            case ProviderFailureException failure:
                return failure.Redact(secrets);
            case OperationCanceledException:
                return new ProviderFailureException(FailureReason.Timeout,
                    "No response within " + (timeout == Timeout.InfiniteTimeSpan ? "the HttpClient timeout" : timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s") + ".",
                    innerException: null);
            case HttpRequestException http:
                return new ProviderFailureException(streaming ? FailureReason.StreamError : FailureReason.Network,
                    SecretRedactor.Redact(Describe(http), secrets));
            case IOException io:
                return new ProviderFailureException(streaming ? FailureReason.StreamError : FailureReason.Network,
                    SecretRedactor.Redact(Describe(io), secrets));
            case JsonException json:
                return new ProviderFailureException(streaming ? FailureReason.StreamError : FailureReason.InvalidResponse,
                    "The response is not valid JSON: " + SecretRedactor.Redact(json.Message, secrets));
            default:
                // Anything else was raised by the client's own code while it read a 2xx body: a bug, not the provider's
                // failure, so it must not be retried or failed over (a second billed call would hide it).
                return new ProviderFailureException(FailureReason.InternalError,
                    "ModelCatalog failed to read the provider's response (a client bug, not a provider failure): " +
                    exception.GetType().Name + ": " + SecretRedactor.Redact(exception.Message, secrets), innerException: exception);
        }
    }

    // HttpRequestException's own text is often generic ("An error occurred while sending the request."); the inner one says why.
    private static string Describe(Exception exception)
    {
        var message = exception.Message;
        if (exception.InnerException is { } inner && !string.IsNullOrEmpty(inner.Message) && inner.Message != message)
        {
            message += " (" + inner.Message + ")";
        }

        return message;
    }
}
