using System;
using System.IO;
using System.Net.ServerSentEvents;
using System.Text.Json;

namespace ModelCatalog;

/// <summary>
/// One server-sent event with its data parsed as JSON (or the <c>[DONE]</c> marker). The owner disposes
/// <see cref="Data"/> once the decoder has read it.
/// </summary>
internal readonly struct SseEvent
{
    private static readonly byte[] DoneMarker = { (byte)'[', (byte)'D', (byte)'O', (byte)'N', (byte)'E', (byte)']' };

    private SseEvent(string eventType, JsonDocument? data, bool isDone)
    {
        EventType = eventType;
        Data = data;
        IsDone = isDone;
    }

    public string EventType { get; }

    /// <summary>The parsed data; <c>null</c> for <c>[DONE]</c> and for events without data.</summary>
    public JsonDocument? Data { get; }

    public bool IsDone { get; }

    /// <summary>Parses the events of <paramref name="stream"/>; malformed JSON data throws <see cref="JsonException"/>.</summary>
    public static SseParser<SseEvent> CreateParser(Stream stream) => SseParser.Create(stream, Parse);

    private static SseEvent Parse(string eventType, ReadOnlySpan<byte> data)
    {
        var trimmed = Trim(data);
        if (trimmed.IsEmpty)
        {
            return new SseEvent(eventType, null, false);
        }

        if (trimmed.SequenceEqual(DoneMarker))
        {
            return new SseEvent(eventType, null, true);
        }

        // ParseValue reads from the span directly (copying into a pooled buffer), avoiding a byte[] per event.
        var reader = new Utf8JsonReader(trimmed);
        var document = JsonDocument.ParseValue(ref reader);
        if (reader.Read())
        {
            document.Dispose();
            throw new JsonException("An SSE data field holds more than one JSON value.");
        }

        return new SseEvent(eventType, document, false);
    }

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> data)
    {
        int start = 0;
        int end = data.Length;
        while (start < end && IsWhitespace(data[start]))
        {
            start++;
        }

        while (end > start && IsWhitespace(data[end - 1]))
        {
            end--;
        }

        return data.Slice(start, end - start);
    }

    private static bool IsWhitespace(byte value) => value is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';
}
