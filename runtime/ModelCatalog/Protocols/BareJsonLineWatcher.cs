using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace ModelCatalog;

/// <summary>
/// Passes an SSE body through unchanged and keeps the first line that starts with <c>{</c>. Such a line has no
/// <c>data:</c> field name, so an SSE parser skips it, yet gateways write a backend's JSON error exactly that way
/// (<c>{"error":{…}}</c> followed by their own <c>data: [DONE]</c>). The stream reader asks for the line after each
/// event and reports it when it is an error object. Costs one scan for line ends per read and nothing per event.
/// </summary>
internal sealed class BareJsonLineWatcher : Stream
{
    // An error object is short; a longer bare line is not kept (it is still passed through).
    private const int MaxLineLength = 64 * 1024;

    private readonly Stream _inner;
    private bool _atLineStart = true;
    private bool _capturing;
    private MemoryStream? _line;
    private byte[]? _completed;

    public BareJsonLineWatcher(Stream inner) => _inner = inner;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>The oldest complete bare JSON line not yet taken (without its line end), or <c>null</c>.</summary>
    public byte[]? TakeLine()
    {
        var line = _completed;
        _completed = null;
        return line;
    }

    /// <summary>A bare line that the body ended in the middle of (no line end after it), or <c>null</c>.</summary>
    public byte[]? TakeUnterminatedLine()
    {
        if (!_capturing || _line is null)
        {
            return null;
        }

        _capturing = false;
        var line = _line.ToArray();
        _line.SetLength(0);
        return line;
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        int read = _inner.Read(buffer, offset, count);
        Observe(new ReadOnlySpan<byte>(buffer, offset, read));
        return read;
    }

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
#if NET
        int read = await _inner.ReadAsync(buffer.AsMemory(offset, count), cancellationToken).ConfigureAwait(false);
#else
        int read = await _inner.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false);
#endif
        Observe(new ReadOnlySpan<byte>(buffer, offset, read));
        return read;
    }

#if NET
    public override int Read(Span<byte> buffer)
    {
        int read = _inner.Read(buffer);
        Observe(buffer.Slice(0, read));
        return read;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var pending = _inner.ReadAsync(buffer, cancellationToken);
        if (pending.IsCompletedSuccessfully)
        {
            int read = pending.Result;
            Observe(buffer.Span.Slice(0, read));
            return new ValueTask<int>(read);
        }

        return ObserveWhenRead(pending, buffer);
    }

    // Pooled: a read that waits for the socket would otherwise allocate a state machine box every time.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<int> ObserveWhenRead(ValueTask<int> pending, Memory<byte> buffer)
    {
        int read = await pending.ConfigureAwait(false);
        Observe(buffer.Span.Slice(0, read));
        return read;
    }
#endif

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Observe(ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            if (!_capturing && _atLineStart && data[0] == (byte)'{')
            {
                _capturing = true;
                _line ??= new MemoryStream();
                _line.SetLength(0);
            }

            int end = data.IndexOfAny((byte)'\n', (byte)'\r');
            var piece = end < 0 ? data : data.Slice(0, end);
            if (_capturing)
            {
                if (_line!.Length + piece.Length <= MaxLineLength)
                {
                    Append(piece);
                }
                else
                {
                    _capturing = false; // too long for an error report: the rest of the line passes unobserved
                }
            }

            if (end < 0)
            {
                _atLineStart = false;
                return;
            }

            if (_capturing)
            {
                _capturing = false;
                _completed ??= _line!.ToArray();
            }

            _atLineStart = true;
            data = data.Slice(end + 1);
        }
    }

    private void Append(ReadOnlySpan<byte> piece)
    {
#if NET
        _line!.Write(piece);
#else
        foreach (var value in piece)
        {
            _line!.WriteByte(value);
        }
#endif
    }
}
