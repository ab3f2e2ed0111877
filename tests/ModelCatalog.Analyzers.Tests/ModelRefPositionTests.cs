using System.Threading.Tasks;
using ModelCatalog.Analyzers.Tests.Infrastructure;
using Xunit;

namespace ModelCatalog.Analyzers.Tests;

/// <summary>What counts as a model ref (README.md, Model refs in C#): [ModelRef] parameters, properties and fields, ChatOptions.ModelId, constants followed.</summary>
public sealed class ModelRefPositionTests
{
    [Fact]
    public Task ModelRefParametersPropertiesAndFields() => new ModelRefAnalyzerTest("""
        using ModelCatalog;

        public class Client
        {
            public void Send([ModelRef] string model) { }
            public void SendMany([ModelRef] params string[] models) { }
            public void Untracked(string model) { }
            public void WithDefault([ModelRef] string model = {|MC1003:"acme/acme-smal"|}) { }
            [ModelRef] public string Model { get; set; } = {|MC1001:"acme/ACME-SMALL"|};
            [ModelRef] public string Field = {|MC1002:"nope/x"|};
            public string Other { get; set; } = "nope/x";
        }

        public class Base { [ModelRef] public virtual string Model { get; set; } = ""; }
        public class Derived : Base { public override string Model { get; set; } = {|MC1003:"acme/unknown"|}; }
        public record Settings([ModelRef] string Model);

        class Program
        {
            void M(Client c, Derived d)
            {
                c.Send({|MC1004:"acme/acme-small"|});
                c.SendMany({|MC1004:"acme/acme-small"|}, {|MC1003:"fastt"|}, "fast");
                c.Untracked("acme/none");
                c.Model = {|MC1002:"nope/y"|};
                c.Field = "fast";
                c.Other = "acme/none";
                d.Model = {|MC1003:"acme/none"|};
                _ = new Settings({|MC1003:"acme/none"|});
                _ = new Settings(Model: {|MC1004:"xai/grok-4"|});
            }
        }
        """, TestCatalogs.Acme).RunAsync();

    [Fact]
    public Task ChatOptionsModelId_InitializersAssignmentsAndCoalesceAssignments() => new ModelRefAnalyzerTest("""
        using Microsoft.Extensions.AI;

        class Program
        {
            ChatOptions Create() => new ChatOptions { ModelId = {|MC1001:"acme/ACME-small"|}, Temperature = 0.2f };

            void M(ChatOptions options)
            {
                options.ModelId = {|MC1004:"acme/acme-small"|};
                options.ModelId ??= {|MC1003:"acme/acme-smol"|};
                var copy = new ChatOptions();
                copy.ModelId = {|MC1002:"mistral/mistral-large-latest"|};
                _ = new ChatOptions { ModelId = {|MC1002:"acmee/acme-small"|} };
            }
        }
        """ + TestCatalogs.CatalogOnlyApp, TestCatalogs.Acme).RunAsync();

    [Fact]
    public Task ConstantsAreFollowedToWhereTheValueIsWritten() => new ModelRefAnalyzerTest("""
        using Microsoft.Extensions.AI;
        using ModelCatalog;

        public static class Refs
        {
            public const string Small = "acme/acme-small";
            public const string Wrong = {|MC1001:"acme/Acme-Small"|};
            public const string Unknown = "acme/none";
            public const string Provider = "acme";
        }

        class Program
        {
            static void Send([ModelRef] string model) { }

            void M(ChatOptions options, bool flag)
            {
                const string local = "acme/nothing";
                Send(Refs.Small);
                Send({|MC1001:Refs.Wrong|});
                Send({|MC1003:Refs.Unknown|});
                Send({|MC1003:local|});
                Send({|MC1003:"acme/" + "nope"|});
                Send({|MC1003:$"{Refs.Provider}/nope"|});
                Send(flag ? {|MC1004:"acme/acme-small"|} : {|MC1001:"acme/ACME-small"|});
                Send(options.ModelId ?? {|MC1003:"acme/fallback"|});
                options.ModelId = {|MC1001:Refs.Wrong|};
                options.ModelId = flag switch { true => {|MC1004:"xai/grok-4"|}, false => {|MC1003:"xai/grok-5"|} };
            }
        }
        """, TestCatalogs.Acme).RunAsync();

    [Fact]
    public Task FreeStandingCaseVariantsAreReportedAtTheLiteral_OnlyForMC1001() => new ModelRefAnalyzerTest("""
        using System;
        using System.Collections.Generic;

        class Program
        {
            static readonly Dictionary<string, int> Limits = new() { [{|MC1001:"minimax/minimax-m2.1"|}] = 1, ["minimax/MiniMax-M2.1"] = 2 };

            void M(string value)
            {
                var shown = {|MC1001:"ACME/acme-SMALL"|};
                shown = "acme/none";
                shown = "nope/x";
                shown = "MiniMax/MiniMax-M2.1";
                Console.WriteLine("ACME/acme-SMALL"); // an argument to another API's string parameter: that API's id
                switch (value)
                {
                    case {|MC1001:"anthropic/Claude-Opus-4-6"|}:
                        break;
                }
            }
        }
        """, TestCatalogs.AcmeUsingBuiltIns).RunAsync();

    [Fact]
    public Task SlashFreeValues_AliasesPassOthersAreMC1003InModelRefPositionsOnly() => new ModelRefAnalyzerTest("""
        using Microsoft.Extensions.AI;
        using ModelCatalog;

        class Program
        {
            static void Send([ModelRef] string model) { }

            void M(ChatOptions options)
            {
                Send("fast");
                Send("FAST");
                Send({|MC1003:"fsat"|});
                Send({|MC1003:"MiniMax-M2.1"|});
                Send({|MC1003:"https://api.example.com/v1"|});
                Send("");
                options.ModelId = "gpt-4o";
                options.ModelId = "fsat";
            }
        }
        """, TestCatalogs.Acme).RunAsync();

    [Fact]
    public Task WithoutModelsYaml_TheBuiltInCatalogIsChecked() => new ModelRefAnalyzerTest("""
        using Microsoft.Extensions.AI;

        class Program
        {
            void M(ChatOptions o)
            {
                o.ModelId = {|MC1001:"minimax/minimax-m2.1"|};
                o.ModelId = {|MC1004:"anthropic/claude-opus-4-6"|};
                o.ModelId = "acme/acme-small"; // not built in, not well known, not near: another client's id
                o.ModelId = {|MC1002:"ollama/llama3.2"|};
            }
        }
        """ + TestCatalogs.CatalogOnlyApp, catalog: null).RunAsync();
}
