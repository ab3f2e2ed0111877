using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ModelCatalog.Generator.Model;
using ModelCatalog.Generator.Reading;
using ModelCatalog.Generator.Tests.Infrastructure;
using ModelCatalog.Generator.Validation;
using Xunit;

namespace ModelCatalog.Generator.Tests;

/// <summary>
/// Every feature of JSON5 1.0.0 (https://spec.json5.org) against the value the spec defines for it, written by hand.
/// The tree is shown as {key=value,…} and […]; a string as "text" (only " and \ escaped), a number as its exact value,
/// true / false / null bare, Infinity / NaN as written.
/// </summary>
public sealed class Json5ReaderTests
{
    public static IEnumerable<object[]> SpecFeatures() => new[]
    {
        // §3 Objects: member names are identifiers, with or without a space after ':', or quoted strings.
        Row("{input:0.3,output:1.2}", "{input=0.3,output=1.2}"),
        Row("{ a : 1 , b:2 }", "{a=1,b=2}"),
        Row("{$_:1,_a1:2,$:3,a$b_c:4}", "{$_=1,_a1=2,$=3,a$b_c=4}"),
        Row("{\u00FCmlaut:1,\u540D\u524D:2,\u01C5:3,\u02B0:4,\u216B:5}", "{\u00FCmlaut=1,\u540D\u524D=2,\u01C5=3,\u02B0=4,\u216B=5}"),
        Row("{a\u0301:1,a\u0663:2,a\u203Fb:3,a\u200Cb:4,a\u200Db:5}", "{a\u0301=1,a\u0663=2,a\u203Fb=3,a\u200Cb=4,a\u200Db=5}"),
        Row("{\uD835\uDC65:1}", "{\uD835\uDC65=1}"),
        Row("{\\u0061b:1,a\\u0062c:2,\\u0024:3,\\u005F:4,\\u00FC:5}", "{ab=1,abc=2,$=3,_=4,\u00FC=5}"),
        Row("{null:1,true:2,false:3,if:4,Infinity:5,NaN:6}", "{null=1,true=2,false=3,if=4,Infinity=5,NaN=6}"),
        Row("{\"a b\":1,'c\"d':2,\"\":3,'gpt-4o':4}", "{a b=1,c\"d=2,=3,gpt-4o=4}"),
        Row("{}", "{}"),
        Row("{a:{},b:[],c:[[]]}", "{a={},b=[],c=[[]]}"),

        // §4 Arrays and §3 trailing commas.
        Row("{a:[1,2,],b:{c:1,},}", "{a=[1,2],b={c=1}}"),
        Row("{a:[1,'x',true,null,{b:2},[3]]}", "{a=[1,\"x\",true,null,{b=2},[3]]}"),

        // §5 Strings: both quote styles, each escape of Table 1, line continuations, U+2028/U+2029 unescaped.
        Row("{a:'x',b:\"y\",c:'',d:\"\"}", "{a=\"x\",b=\"y\",c=\"\",d=\"\"}"),
        Row("{a:'Team\\'s',b:\"Ops\\'s\",c:\"say \\\"hi\\\"\",d:'say \"hi\"',e:\"it's\"}", "{a=\"Team's\",b=\"Ops's\",c=\"say \\\"hi\\\"\",d=\"say \\\"hi\\\"\",e=\"it's\"}"),
        Row("{a:'\\\\|\\/|\\b|\\f|\\n|\\r|\\t|\\v|\\0'}", "{a=\"\\\\|/|\b|\f|\n|\r|\t|\v|\0\"}"),
        Row("{a:'\\0a',b:\"\\x41\\x7e\\xFF\",c:'\\u00e9\\u20AC'}", "{a=\"\0a\",b=\"A~\u00FF\",c=\"\u00E9\u20AC\"}"),
        Row("{a:\"\\uD83D\\uDE00\"}", "{a=\"\uD83D\uDE00\"}"),
        Row("{a:'\\a\\c\\d\\q\\\u00E9\\ '}", "{a=\"acdq\u00E9 \"}"),
        Row("{a:'ab\\\ncd',b:'ab\\\rcd',c:'ab\\\r\ncd',d:'ab\\\u2028cd',e:'ab\\\u2029cd'}", "{a=\"abcd\",b=\"abcd\",c=\"abcd\",d=\"abcd\",e=\"abcd\"}"),
        Row("{a:'x\u2028y\u2029z'}", "{a=\"x\u2028y\u2029z\"}"),
        Row("{a:'\uD83D\uDE00 // not a comment /* nor this */'}", "{a=\"\uD83D\uDE00 // not a comment /* nor this */\"}"),

        // §6 Numbers: hex, leading/trailing decimal point, leading '+', exponents, Infinity, NaN.
        Row("{a:0x1F,b:-0xA,c:0XFF,d:+0x10,e:0x00000000000000000000000000001}", "{a=31,b=-10,c=255,d=16,e=1}"),
        Row("{a:.5,b:5.,c:+1,d:-.5e1,e:1e3,f:1E-2,g:5.e2,h:0,i:+.25,j:1e+2}", "{a=0.5,b=5,c=1,d=-5,e=1000,f=0.01,g=500,h=0,i=0.25,j=100}"),
        Row("{a:32768,b:0.3,c:1.25,d:-7}", "{a=32768,b=0.3,c=1.25,d=-7}"),
        Row("{a:Infinity,b:-Infinity,c:+Infinity,d:NaN,e:-NaN,f:+NaN}", "{a=Infinity,b=-Infinity,c=+Infinity,d=NaN,e=-NaN,f=+NaN}"),

        // §7 Literals.
        Row("{a:true,b:false,c:null}", "{a=true,b=false,c=null}"),

        // §7 Comments anywhere, §8 white space: every Zs, BOM, LS, PS, VT, FF.
        Row("/*c*/{//x\n a/*c*/:/*c*/1/*c*/,//y\n b:[/*c*/2//z\n]}/*end*/ // tail", "{a=1,b=[2]}"),
        Row("// header\r\n/* block\n */ {a:1}", "{a=1}"),
        Row("\uFEFF{\u00A0a\u2028:\u20031\u2029,\u3000b\v:\f2\t,\u1680c\u205F:\u202F3}\r\n", "{a=1,b=2,c=3}"),

        // Minified output as JSON5.stringify writes it.
        Row("{models:{providers:{acme:{baseUrl:'https://x.test/v1',api:'openai-completions',models:[{id:'m1',cost:{input:0.3,output:1.2},contextWindow:32768}]}}},'$schema':'x'}",
            "{models={providers={acme={baseUrl=\"https://x.test/v1\",api=\"openai-completions\",models=[{id=\"m1\",cost={input=0.3,output=1.2},contextWindow=32768}]}}},$schema=\"x\"}"),

        // Duplicate keys stay in the tree: the validator reports the second (MC0005), as for YAML.
        Row("{a:1,a:2}", "{a=1,a=2}"),
    };

    [Theory]
    [MemberData(nameof(SpecFeatures))]
    public void ReadsEveryJson5Feature(string json5, string expected)
    {
        Assert.True(Json5TreeReader.StartsWithObject(json5));
        var diagnostics = new List<CatalogDiagnostic>();
        var root = CatalogTreeReader.Read(json5, diagnostics, default);
        Assert.Empty(diagnostics);
        Assert.Equal(expected, Render(root!));
    }

    [Theory]
    [InlineData("a: 1\n", false)]
    [InlineData("# yaml comment\n{a: 1}\n", false)]
    [InlineData("  \n\t{a:1}", true)]
    [InlineData("\uFEFF// c\n/* d */{a:1}", true)]
    [InlineData("/* never closed {a:1}", false)]
    [InlineData("[1, 2]", false)]
    public void TheFirstTokenDecidesTheSyntax(string text, bool json5) => Assert.Equal(json5, Json5TreeReader.StartsWithObject(text));

    [Fact]
    public void RangesCoverTheTokensAsWritten()
    {
        const string Text = "{ 'k': \"v\\n\", n:-0x1F, o:{a:[1, 2]} }";
        var diagnostics = new List<CatalogDiagnostic>();
        var root = (YamlMapping)CatalogTreeReader.Read(Text, diagnostics, default)!;
        Assert.Empty(diagnostics);
        Assert.Equal(new TextRange(0, Text.Length), root.Range);
        Assert.Equal("'k'", Slice(Text, root.Entries[0].Key.Range));
        Assert.Equal("\"v\\n\"", Slice(Text, root.Entries[0].Value.Range));
        Assert.Equal("n", Slice(Text, root.Entries[1].Key.Range));
        Assert.Equal("-0x1F", Slice(Text, root.Entries[1].Value.Range));
        Assert.Equal("{a:[1, 2]}", Slice(Text, root.Entries[2].Value.Range));
        Assert.Equal("[1, 2]", Slice(Text, ((YamlMapping)root.Entries[2].Value).Entries[0].Value.Range));
    }

    [Fact]
    public void QuotedNumbersAreTextAndBareNumbersAreNumbers()
    {
        var root = (YamlMapping)CatalogTreeReader.Read("{a:'0.3',b:0.3,c:\"true\",d:true,e:'null',f:null}", new List<CatalogDiagnostic>(), default)!;
        var kinds = root.Entries.Select(e => ((YamlScalar)e.Value).IsPlain + "/" + ((YamlScalar)e.Value).IsNull);
        Assert.Equal(new[] { "False/False", "True/False", "False/False", "True/False", "False/False", "True/True" }, kinds);
    }

    [Fact]
    public void DeepNestingStopsAtTheLimit()
    {
        var diagnostics = new List<CatalogDiagnostic>();
        var text = "{a:" + string.Concat(Enumerable.Repeat("[", 100)) + string.Concat(Enumerable.Repeat("]", 100)) + "}";
        Assert.Null(CatalogTreeReader.Read(text, diagnostics, default));
        var error = Assert.Single(diagnostics);
        Assert.Equal(new TextRange(3 + 63, 1), error.Range); // the 65th level
        Assert.Equal("models.yaml nests deeper than 64 levels; a catalog needs only a few levels", error.Message);
    }

    private static object[] Row(string json5, string expected) => new object[] { json5, expected };

    private static string Slice(string text, TextRange range) => text.Substring(range.Start, range.Length);

    private static string Render(YamlNode node) => TreeText.Write(node, "=", key => key, Scalar);

    private static string Scalar(YamlScalar scalar)
    {
        if (!scalar.IsPlain)
        {
            return "\"" + scalar.Value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
        }

        if (scalar.Value is "true" or "false" or "null" || scalar.Value.TrimStart('+', '-') is "Infinity" or "NaN")
        {
            return scalar.Value;
        }

        var diagnostics = new List<CatalogDiagnostic>();
        Assert.True(new ValueReader(diagnostics).Number(scalar, "value", out var value), string.Join("; ", diagnostics));
        return value.ToString("G29", CultureInfo.InvariantCulture);
    }
}
