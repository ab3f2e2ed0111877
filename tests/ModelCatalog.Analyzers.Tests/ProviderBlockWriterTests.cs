using System.Linq;
using System.Threading;
using ModelCatalog.Analyzers;
using ModelCatalog.CodeFixes;
using ModelCatalog.Generator;
using Xunit;

namespace ModelCatalog.Analyzers.Tests;

/// <summary>
/// The text edit behind MC1002's fix: exact output per file style, and every result must compile back into a catalog
/// that has the new provider and model and no catalog errors.
/// </summary>
public sealed class ProviderBlockWriterTests
{
    private static readonly ProviderBlock Mistral = new(WellKnownProviders.Find("mistral")!, new[] { "mistral-large-latest" });

    [Fact]
    public void BlockStyle_AppendsAfterTheLastProviderWithTheFilesIndentation()
    {
        const string Before = "# my catalog\nmodels:\n  providers:\n    acme:\n      baseUrl: https://acme.example/v1\n      api: openai-completions\n      models:\n        - id: acme-1\nagents:\n  defaults:\n    model: acme/acme-1\n";
        AssertInserted(Before, "# my catalog\nmodels:\n  providers:\n    acme:\n      baseUrl: https://acme.example/v1\n      api: openai-completions\n      models:\n        - id: acme-1\n" +
            "    mistral:\n      baseUrl: https://api.mistral.ai/v1\n      api: openai-completions\n      apiKey: ${MISTRAL_API_KEY}\n      models:\n        - id: mistral-large-latest\n" +
            "agents:\n  defaults:\n    model: acme/acme-1\n", Mistral);
    }

    [Fact]
    public void BlockStyle_FourSpacesAndCompactSequencesAreKept()
    {
        const string Before = "models:\n    providers:\n        acme:\n            baseUrl: https://acme.example/v1\n            api: openai-completions\n            models:\n            - id: acme-1";
        AssertInserted(Before, Before + "\n        mistral:\n            baseUrl: https://api.mistral.ai/v1\n            api: openai-completions\n            apiKey: ${MISTRAL_API_KEY}\n            models:\n            - id: mistral-large-latest\n", Mistral);
    }

    [Fact]
    public void BlockStyle_CrLfLineEndingsAreKept()
    {
        const string Before = "models:\r\n  providers:\r\n    acme: { baseUrl: \"https://a.example\", api: openai-completions, models: [] }\r\n";
        AssertInserted(Before, Before + "    mistral:\r\n      baseUrl: https://api.mistral.ai/v1\r\n      api: openai-completions\r\n      apiKey: ${MISTRAL_API_KEY}\r\n      models:\r\n        - id: mistral-large-latest\r\n", Mistral);
    }

    [Fact]
    public void BlockStyle_MissingModelsSectionIsCreated()
    {
        const string Before = "agents:\n  defaults:\n    model: minimax/MiniMax-M2.1\n";
        AssertInserted(Before, Before + "models:\n  providers:\n    mistral:\n      baseUrl: https://api.mistral.ai/v1\n      api: openai-completions\n      apiKey: ${MISTRAL_API_KEY}\n      models:\n        - id: mistral-large-latest\n", Mistral);
    }

    [Fact]
    public void BlockStyle_MissingProvidersKeyIsCreatedUnderModels()
    {
        const string Before = "models:\n  mode: merge\nagents: {}\n";
        AssertInserted(Before, "models:\n  mode: merge\n  providers:\n    mistral:\n      baseUrl: https://api.mistral.ai/v1\n      api: openai-completions\n      apiKey: ${MISTRAL_API_KEY}\n      models:\n        - id: mistral-large-latest\nagents: {}\n", Mistral);
    }

    [Theory]
    [InlineData("models:\n  providers: {}\n")]
    [InlineData("models:\n  providers:\n")]
    [InlineData("models:\n  providers: ~\n")]
    public void BlockStyle_EmptyProvidersBecomeABlock(string before) =>
        AssertInserted(before, "models:\n  providers:\n    mistral:\n      baseUrl: https://api.mistral.ai/v1\n      api: openai-completions\n      apiKey: ${MISTRAL_API_KEY}\n      models:\n        - id: mistral-large-latest\n", Mistral);

    [Fact]
    public void EmptyOrCommentOnlyFile_GetsANewSection() =>
        AssertInserted("# nothing yet\n", "# nothing yet\nmodels:\n  providers:\n    mistral:\n      baseUrl: https://api.mistral.ai/v1\n      api: openai-completions\n      apiKey: ${MISTRAL_API_KEY}\n      models:\n        - id: mistral-large-latest\n", Mistral);

    [Fact]
    public void FlowInsideBlockFile_OneLineStaysOneLine()
    {
        const string Before = "models:\n  providers: { acme: { baseUrl: \"https://a.example\", api: openai-completions, models: [] } }\n";
        AssertInserted(Before, "models:\n  providers: { acme: { baseUrl: \"https://a.example\", api: openai-completions, models: [] }, mistral: { baseUrl: \"https://api.mistral.ai/v1\", api: \"openai-completions\", apiKey: \"${MISTRAL_API_KEY}\", models: [{ id: \"mistral-large-latest\" }] } }\n", Mistral);
    }

    [Fact]
    public void Json5_MultiLineWithTrailingCommas()
    {
        const string Before = "{\n  // local models\n  models: {\n    mode: \"merge\",\n    providers: {\n      lmstudio: {\n        baseUrl: \"http://127.0.0.1:1234/v1\",\n        api: \"openai-responses\",\n        models: [],\n      },\n    },\n  },\n}\n";
        AssertInserted(Before, "{\n  // local models\n  models: {\n    mode: \"merge\",\n    providers: {\n      lmstudio: {\n        baseUrl: \"http://127.0.0.1:1234/v1\",\n        api: \"openai-responses\",\n        models: [],\n      },\n" +
            "      mistral: {\n        baseUrl: \"https://api.mistral.ai/v1\",\n        api: \"openai-completions\",\n        apiKey: \"${MISTRAL_API_KEY}\",\n        models: [{ id: \"mistral-large-latest\" }],\n      },\n" +
            "    },\n  },\n}\n", Mistral);
    }

    [Fact]
    public void Json_QuotedKeysWithoutTrailingCommas()
    {
        const string Before = "{\n  \"models\": {\n    \"providers\": {\n      \"acme\": { \"baseUrl\": \"https://a.example\", \"api\": \"openai-completions\", \"models\": [] }\n    }\n  }\n}\n";
        AssertInserted(Before, "{\n  \"models\": {\n    \"providers\": {\n      \"acme\": { \"baseUrl\": \"https://a.example\", \"api\": \"openai-completions\", \"models\": [] },\n" +
            "      \"mistral\": {\n        \"baseUrl\": \"https://api.mistral.ai/v1\",\n        \"api\": \"openai-completions\",\n        \"apiKey\": \"${MISTRAL_API_KEY}\",\n        \"models\": [{ \"id\": \"mistral-large-latest\" }]\n      }\n" +
            "    }\n  }\n}\n", Mistral);
    }

    [Fact]
    public void Json5_CompactOneLineFileStaysOneLineAndReadsBack()
    {
        const string Before = "{models:{providers:{acme:{baseUrl:'https://a.example',api:'openai-completions',models:[{id:'m1',cost:{input:0.3,output:1.2}}]}}}}";
        AssertInserted(Before, "{models:{providers:{acme:{baseUrl:'https://a.example',api:'openai-completions',models:[{id:'m1',cost:{input:0.3,output:1.2}}]}, " +
            "mistral: { baseUrl: \"https://api.mistral.ai/v1\", api: \"openai-completions\", apiKey: \"${MISTRAL_API_KEY}\", models: [{ id: \"mistral-large-latest\" }] }}}}", Mistral);
    }

    [Fact]
    public void Json5_MissingModelsSectionIsCreated()
    {
        const string Before = "{\n  agents: { defaults: { model: \"minimax/MiniMax-M2.1\" } },\n}\n";
        AssertInserted(Before, "{\n  agents: { defaults: { model: \"minimax/MiniMax-M2.1\" } },\n" +
            "  models: {\n    providers: {\n      mistral: {\n        baseUrl: \"https://api.mistral.ai/v1\",\n        api: \"openai-completions\",\n        apiKey: \"${MISTRAL_API_KEY}\",\n        models: [{ id: \"mistral-large-latest\" }],\n      },\n    },\n  },\n}\n", Mistral);
    }

    [Fact]
    public void EmptyRootMapping_GetsTheSectionInside()
    {
        const string Before = "{}\n";
        AssertInserted(Before, "{ models: { providers: { mistral: { baseUrl: \"https://api.mistral.ai/v1\", api: \"openai-completions\", apiKey: \"${MISTRAL_API_KEY}\", models: [{ id: \"mistral-large-latest\" }] } } } }\n", Mistral);
    }

    [Fact]
    public void ModelsJson_GetsTheProviderAtTheRootAndKeepsItsProviders()
    {
        // OpenClaw's per-agent models.json: providers at the root; a `models` key would turn it into a models.yaml.
        const string Before = "{\n  providers: {\n    acme: { baseUrl: \"https://a.example\", api: \"openai-completions\", models: [{ id: \"m1\" }] },\n  },\n}\n";
        AssertInserted(Before,
            "{\n  providers: {\n    acme: { baseUrl: \"https://a.example\", api: \"openai-completions\", models: [{ id: \"m1\" }] },\n    mistral: {\n      baseUrl: \"https://api.mistral.ai/v1\",\n      api: \"openai-completions\",\n      apiKey: \"${MISTRAL_API_KEY}\",\n      models: [{ id: \"mistral-large-latest\" }],\n    },\n  },\n}\n", Mistral);
        var compiled = CatalogCompiler.Compile(ProviderBlockWriter.Insert(Before, new[] { Mistral }, CancellationToken.None)!, CancellationToken.None);
        Assert.Contains(compiled.Spec.Providers, p => p.Id == "acme");
    }

    [Fact]
    public void SeveralProvidersAndModels_InOneEdit()
    {
        var blocks = new[] { new ProviderBlock(ProviderTemplate.Stub("302ai.local"), new[] { "m-1", "2.5" }), Mistral };
        const string Before = "models:\n  providers:\n    acme: { baseUrl: \"https://a.example\", api: openai-completions, models: [] }\n";
        AssertInserted(Before, Before +
            "    302ai.local:\n      baseUrl: ${_302AI_LOCAL_BASE_URL}\n      api: openai-completions\n      apiKey: ${_302AI_LOCAL_API_KEY}\n      models:\n        - id: m-1\n        - id: \"2.5\"\n" +
            "    mistral:\n      baseUrl: https://api.mistral.ai/v1\n      api: openai-completions\n      apiKey: ${MISTRAL_API_KEY}\n      models:\n        - id: mistral-large-latest\n", blocks);
    }

    [Theory]
    [InlineData("models:\n  providers: [\n")]
    [InlineData("models:\n  providers: [a, b]\n")]
    [InlineData("- just\n- a list\n")]
    public void UnreadableOrUnexpectedShape_IsLeftAlone(string before) =>
        Assert.Null(ProviderBlockWriter.Insert(before, new[] { Mistral }, CancellationToken.None));

    [Fact]
    public void BuiltInTemplateInReplaceMode_CopiesTheBuiltInValues()
    {
        var template = ProviderTemplates.For("MiniMax");
        Assert.Equal(new ProviderTemplate("minimax", "https://api.minimax.io/anthropic", "anthropic-messages", "${MINIMAX_API_KEY}", AuthHeader: true), template);
        const string Before = "models:\n  mode: replace\n  providers:\n    acme: { baseUrl: \"https://a.example\", api: openai-completions, models: [] }\n";
        AssertInserted(Before, Before + "    minimax:\n      baseUrl: https://api.minimax.io/anthropic\n      api: anthropic-messages\n      apiKey: ${MINIMAX_API_KEY}\n      authHeader: true\n      models:\n        - id: MiniMax-M2.1\n",
            new ProviderBlock(template, new[] { "MiniMax-M2.1" }));
    }

    private static void AssertInserted(string before, string expected, params ProviderBlock[] blocks)
    {
        var after = ProviderBlockWriter.Insert(before, blocks, CancellationToken.None);
        Assert.Equal(expected, after);

        var compiled = CatalogCompiler.Compile(after!, CancellationToken.None);
        Assert.DoesNotContain(compiled.Diagnostics, d => d.Id is "MC0001" or "MC0002" or "MC0003" or "MC0004" or "MC0005");
        foreach (var block in blocks)
        {
            var provider = compiled.Spec.Providers.Single(p => p.Id == block.Template.Id);
            Assert.Equal(block.Template.BaseUrl, provider.BaseUrl);
            Assert.Equal(block.ModelIds, block.ModelIds.Where(id => provider.Models.Any(m => m.Id == id)));
        }
    }
}
