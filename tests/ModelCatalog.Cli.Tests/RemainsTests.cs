using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace ModelCatalog.Cli.Tests;

/// <summary><c>remains</c>: the runtime's Coding Plan call against a loopback server, as a table and as JSON.</summary>
public sealed class RemainsTests
{
    private const string Body = """{"model_remains":[{"model_name":"speech-hd","current_interval_total_count":0,"current_interval_usage_count":0},{"model_name":"MiniMax-M2","current_interval_total_count":1500,"current_interval_usage_count":1200,"current_weekly_total_count":9000,"current_weekly_usage_count":8000,"start_time":1767225600000,"end_time":1767243600000}],"base_resp":{"status_code":0,"status_msg":"success"}}""";

    [Fact]
    public async Task Table_and_json_from_the_remains_endpoint_with_the_providers_key()
    {
        using var server = new OneShotServer(200, Body);
        var folder = Catalog(server.Origin);

        var table = await Task.Run(() => Cli.Run(folder, Key, "remains"));

        Assert.Equal(0, table.ExitCode);
        Assert.Equal(
            "Model                        Used Remaining    Total Weekly        Window ends (UTC)\n" +
            "speech-hd                       0         0        0 -             -\n" +
            "MiniMax-M2                    300      1200     1500 8000/9000     2026-01-01 05:00\n",
            table.Output);
        Assert.Equal("GET /v1/api/openplatform/coding_plan/remains HTTP/1.1", server.RequestLine);
        Assert.Contains("Authorization: Bearer mm-key", server.RequestHeaders);

        using var again = new OneShotServer(200, Body);
        var json = await Task.Run(() => Cli.Run(Catalog(again.Origin), Key, "remains", "--json"));
        Assert.Equal(0, json.ExitCode);
        Cli.MatchesGolden("remains.json", json.Output);
    }

    [Fact]
    public async Task A_provider_error_is_one_line_without_the_key()
    {
        using var server = new OneShotServer(200, """{"base_resp":{"status_code":1004,"status_msg":"login fail"}}""");

        var result = await Task.Run(() => Cli.Run(Catalog(server.Origin), Key, "remains"));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.StartsWith("modelcatalog: ", result.Error);
        Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
        Assert.DoesNotContain("mm-key", result.Error);
    }

    private static readonly Dictionary<string, string> Key = new() { ["MINIMAX_API_KEY"] = "mm-key" };

    private static string Catalog(string origin) =>
        Cli.TempFolder(("models.yaml", "models:\n  providers:\n    minimax:\n      baseUrl: " + origin + "/anthropic\n"));

    /// <summary>A loopback HTTP server on port 0 that answers one request and records it.</summary>
    private sealed class OneShotServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly Task _serving;

        public OneShotServer(int status, string body)
        {
            _listener.Start();
            Origin = "http://127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port;
            _serving = Task.Run(async () =>
            {
                using var client = await _listener.AcceptTcpClientAsync();
                using var stream = client.GetStream();
                var reader = new StreamReader(stream, Encoding.ASCII);
                RequestLine = await reader.ReadLineAsync();
                var headers = new StringBuilder();
                string? line;
                while (!string.IsNullOrEmpty(line = await reader.ReadLineAsync()))
                {
                    headers.Append(line).Append('\n');
                }

                RequestHeaders = headers.ToString();
                var payload = Encoding.UTF8.GetBytes(body);
                var head = Encoding.ASCII.GetBytes("HTTP/1.1 " + status + " OK\r\nContent-Type: application/json\r\nContent-Length: " + payload.Length + "\r\nConnection: close\r\n\r\n");
                await stream.WriteAsync(head);
                await stream.WriteAsync(payload);
            });
        }

        public string Origin { get; }

        public string? RequestLine { get; private set; }

        public string RequestHeaders { get; private set; } = "";

        public void Dispose()
        {
            _listener.Stop();
            try
            {
                _serving.Wait(TimeSpan.FromSeconds(5));
            }
            catch (AggregateException)
            {
                // The listener was stopped before a request came.
            }
        }
    }
}
