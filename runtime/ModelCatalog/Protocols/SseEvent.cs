using System;
using System.Buffers;
using System.IO;
using System.Net.ServerSentEvents;
using System.Text.Json;

namespace ModelCatalog;

/// <summary>
/// One server-sent event with its data parsed as JSON (or the <c>[DONE]</c> marker). The owner calls
/// <see cref="Release"/> once the decoder has read it.
/// </summary>
internal readonly struct SseEvent
{
    private static readonly byte[] DoneMarker = { (byte)'[', (byte)'D', (byte)'O', (byte)'N', (byte)'E', (byte)']' };

    // The pooled copy of the data that Data reads from (JsonDocument.Parse over memory keeps no copy of its own).
    private readonly byte[]? _buffer;

    private SseEvent(string eventType, JsonDocument? data, byte[]? buffer, bool isDone)
    {
        EventType = eventType;
        Data = data;
        _buffer = buffer;
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
            return new SseEvent(eventType, null, null, false);
        }

        if (trimmed.SequenceEqual(DoneMarker))
        {
            return new SseEvent(eventType, null, null, true);
        }

        // The span lives only during this call: it is copied once into a pooled buffer and parsed in place (one pass;
        // JsonDocument.ParseValue would scan the value to find its end, copy it, then parse it again). Parse rejects
        // anything after the one JSON value.
        var buffer = ArrayPool<byte>.Shared.Rent(trimmed.Length);
        trimmed.CopyTo(buffer);
        try
        {
            return new SseEvent(eventType, JsonDocument.Parse(new ReadOnlyMemory<byte>(buffer, 0, trimmed.Length)), buffer, false);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    /// <summary>Disposes <see cref="Data"/> and returns its buffer to the pool; the event must not be read afterwards.</summary>
    public void Release()
    {
        Data?.Dispose();
        if (_buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
        }
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
