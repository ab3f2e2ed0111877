using System.Text.Json.Nodes;

namespace ModelCatalog.Runtime.Tests.Infrastructure;

/// <summary>A settable clock for cooldown tests.</summary>
public sealed class FakeClock
{
    public DateTimeOffset Now { get; set; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public void Advance(TimeSpan by) => Now += by;
}

/// <summary>Records retry waits instead of sleeping, so retry tests are instant and deterministic.</summary>
public sealed class RecordingDelay
{
    private readonly List<TimeSpan> _delays = new();

    public IReadOnlyList<TimeSpan> Delays { get { lock (_delays) { return _delays.ToArray(); } } }

    public Task Wait(TimeSpan delay, CancellationToken cancellationToken)
    {
        lock (_delays)
        {
            _delays.Add(delay);
        }

        return Task.CompletedTask;
    }
}

public static class TestSupport
{
    public const string AnthropicKey = "sk-ant-test-4f1c9a7e";
    public const string OpenAIKey = "sk-openai-test-7d2b81c0";
    public const string MiniMaxKey = "mm-test-key-99a1b2c3";

    public static ISecretResolver Secrets(params (string Name, string Value)[] values)
    {
        var map = values.ToDictionary(v => v.Name, v => v.Value);
        return new DelegateSecretResolver(name => map.TryGetValue(name, out var value) ? value : null);
    }

    public static ISecretResolver DefaultSecrets() => Secrets(
        ("ANTHROPIC_API_KEY", AnthropicKey), ("OPENAI_API_KEY", OpenAIKey), ("MINIMAX_API_KEY", MiniMaxKey), ("APP_TITLE", "catalog-tests"));

    public static CatalogChatClientOptions Options(RecordingDelay? delay = null, FakeClock? clock = null, ISecretResolver? secrets = null) => new()
    {
        SecretResolver = secrets ?? DefaultSecrets(),
        Delay = (delay ?? new RecordingDelay()).Wait,
        Clock = clock is null ? () => DateTimeOffset.UtcNow : () => clock.Now,
        AttemptTimeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>Both JSON texts, parsed and re-serialized compactly, so a mismatch shows as a readable string diff.</summary>
    public static void JsonEqual(string expected, string actual) =>
        Assert.Equal(JsonNode.Parse(expected)!.ToJsonString(), JsonNode.Parse(actual)!.ToJsonString());

    public static async Task<List<ChatResponseUpdate>> CollectAsync(IAsyncEnumerable<ChatResponseUpdate> updates, CancellationToken cancellationToken = default)
    {
        var list = new List<ChatResponseUpdate>();
        await foreach (var update in updates.WithCancellation(cancellationToken))
        {
            list.Add(update);
        }

        return list;
    }
}
