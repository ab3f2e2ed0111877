using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ModelCatalog.Benchmarks;

/// <summary>A canned provider on 127.0.0.1 (port from 0) answering anthropic-messages, openai-completions and openai-responses (<see cref="CannedReplies"/>); it records the last body.</summary>
internal sealed class LoopbackProvider : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();

    public LoopbackProvider()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _listener.Prefixes.Add("http://127.0.0.1:" + Port + "/");
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string Origin => "http://127.0.0.1:" + Port;

    public byte[] LastBody { get; private set; } = Array.Empty<byte>();

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            _ = Task.Run(async () =>
            {
                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body).ConfigureAwait(false);
                LastBody = body.ToArray();
                var reply = Encoding.UTF8.GetBytes(CannedReplies.ForPath(context.Request.Url!.AbsolutePath));
                context.Response.ContentType = "application/json";
                context.Response.ContentLength64 = reply.Length;
                await context.Response.OutputStream.WriteAsync(reply).ConfigureAwait(false);
                context.Response.Close();
            });
        }
    }
}
