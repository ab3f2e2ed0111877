using System;
using System.Collections.Generic;
using System.Text;
using ModelCatalog.Generator.Reading;

namespace ModelCatalog.Generator.Tests.Infrastructure;

/// <summary>Writes a positioned tree on one line as {key&lt;separator&gt;value,…} and […], without recursion.</summary>
internal static class TreeText
{
    public static string Write(YamlNode root, string separator, Func<string, string> key, Func<YamlScalar, string> scalar)
    {
        var text = new StringBuilder();
        var pending = new Stack<object>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case string literal:
                    text.Append(literal);
                    break;
                case YamlMapping mapping:
                    pending.Push("}");
                    for (int i = mapping.Entries.Count - 1; i >= 0; i--)
                    {
                        pending.Push(mapping.Entries[i].Value);
                        pending.Push((i > 0 ? "," : "") + key(mapping.Entries[i].Key.Value) + separator);
                    }

                    pending.Push("{");
                    break;
                case YamlSequence sequence:
                    pending.Push("]");
                    for (int i = sequence.Items.Count - 1; i >= 0; i--)
                    {
                        pending.Push(sequence.Items[i]);
                        pending.Push(i > 0 ? "," : "");
                    }

                    pending.Push("[");
                    break;
                case YamlScalar value:
                    text.Append(scalar(value));
                    break;
            }
        }

        return text.ToString();
    }
}
