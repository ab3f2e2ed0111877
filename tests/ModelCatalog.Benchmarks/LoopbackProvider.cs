using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ModelCatalog.Benchmarks;

/// <summary>A canned provider on 127.0.0.1 (port from 0) answering anthropic-messages and openai-completions; it records the last body.</summary>
internal sealed class LoopbackProvider : IDisposable
{
    private const string AnthropicReply = """{"id":"msg_1","type":"message","role":"assistant","model":"claude-haiku-4-5","content":[{"type":"text","text":"Hello! How can I help you today?"}],"stop_reason":"end_turn","stop_sequence":null,"usage":{"input_tokens":25,"output_tokens":12,"cache_read_input_tokens":0,"cache_creation_input_tokens":0}}""";
    private const string OpenAIReply = """{"id":"chatcmpl-1","object":"chat.completion","created":1760000000,"model":"gpt-4o-mini","choices":[{"index":0,"message":{"role":"assistant","content":"Hello! How can I help you today?"},"finish_reason":"stop"}],"usage":{"prompt_tokens":25,"completion_tokens":12,"total_tokens":37}}""";

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
                var reply = Encoding.UTF8.GetBytes(context.Request.Url!.AbsolutePath.EndsWith("/messages", StringComparison.Ordinal) ? AnthropicReply : OpenAIReply);
                context.Response.ContentType = "application/json";
                context.Response.ContentLength64 = reply.Length;
                await context.Response.OutputStream.WriteAsync(reply).ConfigureAwait(false);
                context.Response.Close();
            });
        }
    }
}
