using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace ModelCatalog.Package.Tests;

/// <summary>
/// A minimal Language Server Protocol client over a server's stdio (JSON-RPC with Content-Length framing), enough to
/// drive an editor's requests from a test. Requests the server sends to the client are answered with <c>null</c>.
/// Disposing kills the server's process tree.
/// </summary>
internal sealed class LspClient : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonNode?>> _pending = new();
    private readonly StringBuilder _stderr = new();
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private int _nextId;

    public LspClient(string executable, string workingDirectory)
    {
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // As for DotNetCli: the test host's MSBuild variables would point the server's MSBuild at the wrong SDK pieces.
        foreach (var name in new[] { "MSBUILD_EXE_PATH", "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBuildLoadMicrosoftTargetsReadOnly", "VSTEST_HOST_DEBUG" })
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        _process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + executable);
        _process.ErrorDataReceived += (_, e) =>
        {
            lock (_stderr)
            {
                _stderr.AppendLine(e.Data);
            }
        };
        _process.BeginErrorReadLine();
        _ = Task.Run(ReadLoopAsync);
    }

    /// <summary>What the server wrote to stderr so far (its log), for failure messages.</summary>
    public string Log
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    public async Task<JsonNode?> RequestAsync(string method, JsonNode parameters, TimeSpan timeout)
    {
        int id = Interlocked.Increment(ref _nextId);
        var response = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = response;
        await SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
        var finished = await Task.WhenAny(response.Task, Task.Delay(timeout));
        if (finished != response.Task)
        {
            _pending.TryRemove(id, out _);
            throw new TimeoutException(method + " got no answer in " + timeout.TotalSeconds + " s; server log:\n" + Log);
        }

        return await response.Task;
    }

    public Task NotifyAsync(string method, JsonNode parameters) =>
        SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }

        _process.Dispose();
        _writeLock.Dispose();
    }

    private async Task SendAsync(JsonNode message)
    {
        var body = Encoding.UTF8.GetBytes(message.ToJsonString());
        var header = Encoding.ASCII.GetBytes("Content-Length: " + body.Length + "\r\n\r\n");
        await _writeLock.WaitAsync();
        try
        {
            var stdin = _process.StandardInput.BaseStream;
            await stdin.WriteAsync(header);
            await stdin.WriteAsync(body);
            await stdin.FlushAsync();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task ReadLoopAsync()
    {
        var stdout = _process.StandardOutput.BaseStream;
        try
        {
            while (await ReadMessageAsync(stdout) is { } message)
            {
                if (message["id"] is { } id && message["method"] is not null)
                {
                    // A request from the server (configuration, progress, registration): acknowledge it.
                    await SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id.DeepClone(), ["result"] = null });
                }
                else if (message["id"] is { } responseId && _pending.TryRemove(responseId.GetValue<int>(), out var pending))
                {
                    if (message["error"] is { } error)
                    {
                        pending.TrySetException(new InvalidOperationException("LSP error: " + error.ToJsonString()));
                    }
                    else
                    {
                        pending.TrySetResult(message["result"]);
                    }
                }
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // the server exited
        }

        foreach (var pending in _pending.Values)
        {
            pending.TrySetException(new IOException("the language server exited; its log:\n" + Log));
        }
    }

    private static async Task<JsonNode?> ReadMessageAsync(Stream stream)
    {
        int length = -1;
        var line = new StringBuilder();
        while (true)
        {
            int b = await ReadByteAsync(stream);
            if (b < 0)
            {
                return null;
            }

            if (b == '\n')
            {
                var text = line.ToString().TrimEnd('\r');
                line.Clear();
                if (text.Length == 0)
                {
                    break; // end of the headers
                }

                if (text.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                {
                    length = int.Parse(text.Substring("Content-Length:".Length).Trim(), System.Globalization.CultureInfo.InvariantCulture);
                }
            }
            else
            {
                line.Append((char)b);
            }
        }

        var body = new byte[length];
        await stream.ReadExactlyAsync(body);
        return JsonNode.Parse(body);
    }

    private static async Task<int> ReadByteAsync(Stream stream)
    {
        var one = new byte[1];
        return await stream.ReadAsync(one) == 0 ? -1 : one[0];
    }
}
