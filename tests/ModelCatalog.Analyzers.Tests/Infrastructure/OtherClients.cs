namespace ModelCatalog.Analyzers.Tests.Infrastructure;

/// <summary>
/// Other clients' APIs as a project next to ModelCatalog meets them, with the real names and namespaces (the test
/// compilation references only Microsoft.Extensions.AI.Abstractions): the OpenAI SDK with Microsoft.Extensions.AI.OpenAI
/// (<c>new OpenAIClient(…).GetChatClient(model).AsIChatClient()</c>, also how LM Studio, OpenRouter and GitHub Models
/// are reached), Azure AI Inference (<c>AsIChatClient(model)</c>), and the dependency-injection registration
/// <c>services.AddChatClient(…)</c> of Microsoft.Extensions.AI.
/// </summary>
internal static class OtherClients
{
    public const string Path = "/0/OtherClients.cs";

    public const string Source = """
        namespace OpenAI
        {
            public sealed class OpenAIClientOptions { public System.Uri Endpoint { get; set; } = new System.Uri("https://api.openai.com/v1"); }

            public sealed class OpenAIClient
            {
                public OpenAIClient(string apiKey, OpenAIClientOptions? options = null) { }
                public OpenAI.Chat.ChatClient GetChatClient(string model) => new OpenAI.Chat.ChatClient(model);
            }
        }

        namespace OpenAI.Chat
        {
            public sealed class ChatClient { public ChatClient(string model) { } }
        }

        namespace Azure.AI.Inference
        {
            public sealed class ChatCompletionsClient { public ChatCompletionsClient(System.Uri endpoint, string key) { } }
        }

        namespace Microsoft.Extensions.AI
        {
            public static class OpenAIClientExtensions
            {
                public static IChatClient AsIChatClient(this OpenAI.Chat.ChatClient chatClient) => throw new System.NotSupportedException();
            }

            public static class AzureAIInferenceExtensions
            {
                public static IChatClient AsIChatClient(this Azure.AI.Inference.ChatCompletionsClient client, string? defaultModelId = null) => throw new System.NotSupportedException();
            }
        }

        namespace Microsoft.Extensions.DependencyInjection
        {
            public interface IServiceCollection { }

            public sealed class ServiceCollection : IServiceCollection { }

            public static class ChatClientBuilderServiceCollectionExtensions
            {
                public static IServiceCollection AddChatClient(this IServiceCollection services, System.Func<System.IServiceProvider, Microsoft.Extensions.AI.IChatClient> factory) => services;
            }
        }

        """;
}
