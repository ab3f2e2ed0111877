using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace ModelCatalog.Cli.Tests;

/// <summary>
/// yaml-language-server (npm, installed in tests/ModelCatalog.Cli.Tests/lsp by .ci/run) driven over stdio with LSP's
/// Content-Length framing: the real editor server, not a stand-in. Answers the server's own requests
/// (workspace/configuration, client/registerCapability) so it runs as under VS Code.
/// </summary>
internal sealed class LanguageServer : IDisposable
{
    private readonly Process _process;
    private readonly Dictionary<int, TaskCompletionSource<JsonNode?>> _pending = new();
    private readonly List<JsonNode> _diagnostics = new();
    private readonly object _gate = new();
    private readonly Stream _input;
    private int _nextId;

    private LanguageServer(Process process)
    {
        _process = process;
        _input = process.StandardInput.BaseStream;
        _ = Task.Run(ReadLoop);
    }

    public static string ServerScript => Path.Combine(Cli.RepositoryRoot(), "tests", "ModelCatalog.Cli.Tests", "lsp", "node_modules", "yaml-language-server", "bin", "yaml-language-server");

    /// <summary>Why the server cannot run here (no node, or npm ci not run), or <c>null</c>.</summary>
    public static string? Unavailable()
    {
        try
        {
            using var node = Process.Start(new ProcessStartInfo("node", "--version") { RedirectStandardOutput = true, UseShellExecute = false })!;
            node.WaitForExit();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "node is not installed: the yaml-language-server tests need Node.js (CI machines have Node 20)";
        }

        return File.Exists(ServerScript) ? null : "yaml-language-server is not installed: run npm ci --prefix tests/ModelCatalog.Cli.Tests/lsp (.ci/run does)";
    }

    public static async Task<LanguageServer> StartAsync()
    {
        var start = new ProcessStartInfo("node", "\"" + ServerScript + "\" --stdio")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start)!;
        _ = process.StandardError.ReadToEndAsync();
        var server = new LanguageServer(process);
        await server.RequestAsync("initialize", new JsonObject
        {
            ["processId"] = Environment.ProcessId,
            ["rootUri"] = null,
            ["capabilities"] = new JsonObject
            {
                ["textDocument"] = new JsonObject
                {
                    ["completion"] = new JsonObject { ["completionItem"] = new JsonObject { ["snippetSupport"] = false } },
                    ["hover"] = new JsonObject { ["contentFormat"] = new JsonArray("markdown", "plaintext") },
                    ["publishDiagnostics"] = new JsonObject(),
                },
                ["workspace"] = new JsonObject { ["configuration"] = true },
            },
        });
        await server.NotifyAsync("initialized", new JsonObject());
        await server.NotifyAsync("workspace/didChangeConfiguration", new JsonObject { ["settings"] = new JsonObject { ["yaml"] = Settings() } });
        return server;
    }

    public Task OpenAsync(string uri, string text) => NotifyAsync("textDocument/didOpen", new JsonObject
    {
        ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "yaml", ["version"] = 1, ["text"] = text },
    });

    public async Task<List<string>> CompletionLabelsAsync(string uri, int line, int character)
    {
        var result = await RequestAsync("textDocument/completion", Position(uri, line, character));
        var items = result is JsonArray array ? array : result?["items"]?.AsArray() ?? new JsonArray();
        var labels = new List<string>();
        foreach (var item in items)
        {
            labels.Add((string)item!["label"]!);
        }

        return labels;
    }

    public async Task<string> HoverAsync(string uri, int line, int character)
    {
        var result = await RequestAsync("textDocument/hover", Position(uri, line, character));
        return result?["contents"] is JsonObject markup ? (string?)markup["value"] ?? "" : result?["contents"]?.ToJsonString() ?? "";
    }

    /// <summary>The messages of the diagnostics published for <paramref name="uri"/>, waiting until a non-empty set arrives.</summary>
    public async Task<List<string>> DiagnosticsAsync(string uri, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            lock (_gate)
            {
                for (int i = _diagnostics.Count - 1; i >= 0; i--)
                {
                    if ((string?)_diagnostics[i]["uri"] == uri && _diagnostics[i]["diagnostics"]!.AsArray().Count > 0)
                    {
                        var messages = new List<string>();
                        foreach (var diagnostic in _diagnostics[i]["diagnostics"]!.AsArray())
                        {
                            messages.Add((int)diagnostic!["range"]!["start"]!["line"]! + ":" + (string)diagnostic["message"]!);
                        }

                        return messages;
                    }
                }
            }

            await Task.Delay(50);
        }

        return new List<string>();
    }

    public void Dispose()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }

        _process.Dispose();
    }

    private static JsonObject Settings() => new()
    {
        ["validate"] = true,
        ["hover"] = true,
        ["completion"] = true,
        ["schemaStore"] = new JsonObject { ["enable"] = false },
    };

    private static JsonObject Position(string uri, int line, int character) => new()
    {
        ["textDocument"] = new JsonObject { ["uri"] = uri },
        ["position"] = new JsonObject { ["line"] = line, ["character"] = character },
    };

    private async Task<JsonNode?> RequestAsync(string method, JsonNode parameters)
    {
        var completion = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
        int id;
        lock (_gate)
        {
            id = ++_nextId;
            _pending[id] = completion;
        }

        await SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
        return await completion.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    private Task NotifyAsync(string method, JsonNode parameters) =>
        SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    private async Task SendAsync(JsonNode message)
    {
        var body = Encoding.UTF8.GetBytes(message.ToJsonString());
        var header = Encoding.ASCII.GetBytes("Content-Length: " + body.Length + "\r\n\r\n");
        await _sendLock.WaitAsync();
        try
        {
            await _input.WriteAsync(header);
            await _input.WriteAsync(body);
            await _input.FlushAsync();
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private readonly SemaphoreSlim _sendLock = new(1, 1);

    private async Task ReadLoop()
    {
        var output = _process.StandardOutput.BaseStream;
        try
        {
            while (true)
            {
                int length = -1;
                string line;
                while ((line = await ReadHeaderLine(output)) != "")
                {
                    if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                    {
                        length = int.Parse(line.Substring(15).Trim(), System.Globalization.CultureInfo.InvariantCulture);
                    }
                }

                var body = new byte[length];
                await output.ReadExactlyAsync(body);
                Handle(JsonNode.Parse(body)!);
            }
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or ObjectDisposedException)
        {
            lock (_gate)
            {
                foreach (var pending in _pending.Values)
                {
                    pending.TrySetException(new InvalidOperationException("yaml-language-server exited"));
                }
            }
        }
    }

    private void Handle(JsonNode message)
    {
        if (message["method"] is { } method && message["id"] is { } requestId)
        {
            // A request from the server: answer it as an editor would.
            JsonNode? result = (string?)method switch
            {
                "workspace/configuration" => Configuration(message["params"]!["items"]!.AsArray()),
                _ => null,
            };
            _ = SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = requestId.DeepClone(), ["result"] = result });
            return;
        }

        if ((string?)message["method"] == "textDocument/publishDiagnostics")
        {
            lock (_gate)
            {
                _diagnostics.Add(message["params"]!.DeepClone());
            }

            return;
        }

        if (message["id"] is { } id)
        {
            TaskCompletionSource<JsonNode?>? pending;
            lock (_gate)
            {
                _pending.Remove((int)id, out pending);
            }

            pending?.TrySetResult(message["result"]?.DeepClone());
        }
    }

    private static JsonArray Configuration(JsonArray items)
    {
        var result = new JsonArray();
        foreach (var item in items)
        {
            result.Add((string?)item!["section"] == "yaml" ? Settings() : null);
        }

        return result;
    }

    private static async Task<string> ReadHeaderLine(Stream stream)
    {
        var line = new StringBuilder();
        var one = new byte[1];
        while (true)
        {
            if (await stream.ReadAsync(one) == 0)
            {
                throw new EndOfStreamException();
            }

            if (one[0] == '\n')
            {
                return line.ToString().TrimEnd('\r');
            }

            line.Append((char)one[0]);
        }
    }
}
