using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using ModelCatalog.Generator.Diagnostics;
using ModelCatalog.Generator.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ModelCatalog.Generator.Reading;

/// <summary>
/// Reads YAML catalog text into a <see cref="YamlNode"/> tree with YamlDotNet's event parser, iteratively, within the
/// nesting limit of <see cref="CatalogTreeReader"/>. Anything it cannot read becomes MC0001 at the parser's position; it never throws
/// (except for cancellation).
/// </summary>
internal static class YamlTreeReader
{
    /// <summary>
    /// Returns the root node (<c>null</c> for an empty document or after MC0001); <see cref="CatalogTreeReader"/> checks the
    /// size first. <paramref name="fileName"/> is the catalog file as the project names it, for messages.
    /// </summary>
    public static YamlNode? Read(string text, string fileName, List<CatalogDiagnostic> diagnostics, CancellationToken cancellationToken)
    {
        // A byte-order mark that survived decoding is not part of the first key; skip it and shift positions back.
        int offset = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        string body = offset == 0 ? text : text.Substring(offset);

        try
        {
            return Build(new Parser(new StringReader(body)), offset, text.Length, fileName, diagnostics, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (YamlException ex)
        {
            var start = Clamp(ex.Start.Index + offset, text.Length);
            diagnostics.Add(new CatalogDiagnostic(DiagnosticIds.InvalidSyntax,
                TextRange.FromBounds(start, Math.Max(start, Clamp(ex.End.Index + offset, text.Length))),
                fileName + " is not valid YAML: " + CleanMessage(ex.Message) + "; fix the syntax here"));
            return null;
        }
        catch (Exception ex)
        {
            // YamlDotNet raises other exception types on some malformed input; it is still a syntax error.
            diagnostics.Add(new CatalogDiagnostic(DiagnosticIds.InvalidSyntax, new TextRange(text.Length, 0),
                fileName + " could not be read (" + CleanMessage(ex.Message) + "); check the brackets, quotes and indentation"));
            return null;
        }
    }

    private static YamlNode? Build(Parser parser, int offset, int textLength, string fileName, List<CatalogDiagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var merges = new YamlMergeKeys(diagnostics, fileName);
        var stack = new List<Frame>();

        // Frames are reused level by level: a frame collects its container's entries in a list of its own, so each
        // node gets one list of the exact size when complete (no per-node growth copies, no spare capacity kept alive).
        var frames = new List<Frame>();
        var anchors = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        YamlNode? root = null;
        int documents = 0;
        int events = 0;
        while (parser.MoveNext())
        {
            if ((++events & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var current = parser.Current!;
            int start = Clamp(current.Start.Index + offset, textLength);
            int end = Clamp(current.End.Index + offset, textLength);
            switch (current)
            {
                case DocumentStart:
                    if (++documents > 1)
                    {
                        diagnostics.Add(new CatalogDiagnostic(DiagnosticIds.InvalidSyntax, TextRange.FromBounds(start, end),
                            fileName + " holds more than one YAML document; keep a single document (remove this '---')"));
                        return null;
                    }

                    break;
                case Scalar scalar:
                    bool isPlain = scalar.Style == ScalarStyle.Plain;
                    if (scalar.Anchor.IsEmpty && stack.Count > 0 && stack[stack.Count - 1] is { IsMapping: true, HasPendingKey: false } owner)
                    {
                        owner.SetPendingKey(new YamlKey(ScalarInterner.Intern(scalar.Value), isPlain, TextRange.FromBounds(start, end)));
                        break;
                    }

                    var node = new YamlScalar(ScalarInterner.Intern(scalar.Value), isPlain, TextRange.FromBounds(start, end));
                    Remember(anchors, scalar.Anchor, node);
                    Attach(stack, ref root, node);
                    break;
                case MappingStart mapping:
                    if (!Push(stack, frames, isMapping: true, mapping.Anchor, mapping.Style == MappingStyle.Flow, start, end, fileName, diagnostics))
                    {
                        return null;
                    }

                    break;
                case SequenceStart sequence:
                    if (!Push(stack, frames, isMapping: false, sequence.Anchor, sequence.Style == SequenceStyle.Flow, start, end, fileName, diagnostics))
                    {
                        return null;
                    }

                    break;
                case MappingEnd:
                case SequenceEnd:
                    var frame = stack[stack.Count - 1];
                    stack.RemoveAt(stack.Count - 1);
                    int containerEnd = frame.IsFlow ? Math.Min(textLength, start + 1) : Math.Max(frame.Start, frame.LastEnd);
                    var container = frame.Complete(TextRange.FromBounds(frame.Start, containerEnd));
                    if (container is YamlMapping complete && !merges.Apply(complete))
                    {
                        return null;
                    }

                    Remember(anchors, frame.Anchor, container);
                    Attach(stack, ref root, container);
                    break;
                case AnchorAlias alias:
                    if (!anchors.TryGetValue(alias.Value.Value, out var target))
                    {
                        diagnostics.Add(new CatalogDiagnostic(DiagnosticIds.InvalidSyntax, TextRange.FromBounds(start, end),
                            "alias '*" + alias.Value.Value + "' refers to no earlier anchor '&" + alias.Value.Value + "'; define the anchor before using it"));
                        return null;
                    }

                    // An aliased scalar is placed where the alias is written: a diagnostic about its use (a fallback, a
                    // '<<' value) points at the '*name', not at the anchor.
                    Attach(stack, ref root, target is YamlScalar aliased ? new YamlScalar(aliased.Value, aliased.IsPlain, TextRange.FromBounds(start, end)) : target);
                    break;
            }
        }

        return root;
    }

    private static bool Push(List<Frame> stack, List<Frame> frames, bool isMapping, AnchorName anchor, bool isFlow, int start, int end,
        string fileName, List<CatalogDiagnostic> diagnostics)
    {
        if (stack.Count >= CatalogTreeReader.MaxDepth)
        {
            diagnostics.Add(CatalogTreeReader.TooDeep(TextRange.FromBounds(start, Math.Max(end, start + 1)), fileName));
            return false;
        }

        if (frames.Count == stack.Count)
        {
            frames.Add(new Frame());
        }

        var frame = frames[stack.Count];
        frame.Open(isMapping, anchor, isFlow, start);
        stack.Add(frame);
        return true;
    }

    private static void Attach(List<Frame> stack, ref YamlNode? root, YamlNode node)
    {
        if (stack.Count == 0)
        {
            root ??= node;
            return;
        }

        var frame = stack[stack.Count - 1];
        frame.LastEnd = Math.Max(frame.LastEnd, node.Range.End);
        if (!frame.IsMapping)
        {
            frame.Items.Add(node);
        }
        else if (!frame.HasPendingKey)
        {
            frame.SetPendingKey(YamlKey.FromNode(node));
        }
        else
        {
            frame.Entries.Add(new KeyValuePair<YamlKey, YamlNode>(frame.TakePendingKey(), node));
        }
    }

    // An anchor becomes usable once its node is complete, so an alias can never form a cycle.
    private static void Remember(Dictionary<string, YamlNode> anchors, AnchorName anchor, YamlNode node)
    {
        if (!anchor.IsEmpty)
        {
            anchors[anchor.Value] = node;
        }
    }

    private static int Clamp(long index, int length) => index < 0 ? 0 : index > length ? length : (int)index;

    private static string CleanMessage(string message)
    {
        // YamlDotNet prefixes positions like "(Line: 3, Col: 5, Idx: 20) - (…): "; the diagnostic has the position already.
        int marker = message.LastIndexOf("): ", StringComparison.Ordinal);
        var text = marker >= 0 && message.StartsWith("(", StringComparison.Ordinal) ? message.Substring(marker + 3) : message;
        return text.Trim().TrimEnd('.');
    }

    /// <summary>An open mapping or list; reused for the next container at the same depth once complete.</summary>
    private sealed class Frame
    {
        public List<KeyValuePair<YamlKey, YamlNode>> Entries { get; } = new();

        public List<YamlNode> Items { get; } = new();

        public int Start { get; private set; }

        public AnchorName Anchor { get; private set; }

        public bool IsFlow { get; private set; }

        public bool IsMapping { get; private set; }

        public bool HasPendingKey { get; private set; }

        public int LastEnd { get; set; }

        private YamlKey PendingKey { get; set; }

        public void Open(bool isMapping, AnchorName anchor, bool isFlow, int start)
        {
            IsMapping = isMapping;
            Anchor = anchor;
            IsFlow = isFlow;
            Start = start;
            LastEnd = start;
            HasPendingKey = false;
            PendingKey = default;
            Entries.Clear();
            Items.Clear();
        }

        /// <summary>The finished node, with a list of exactly its entries or items.</summary>
        public YamlNode Complete(TextRange range) => IsMapping ? new YamlMapping(range, Exact(Entries)) : new YamlSequence(range, Exact(Items));

        // A plain loop: List's copy constructor goes through ICollection<T> dispatch, measurably slower for tens of thousands of small lists.
        private static List<T> Exact<T>(List<T> items)
        {
            var copy = new List<T>(items.Count);
            for (int i = 0; i < items.Count; i++)
            {
                copy.Add(items[i]);
            }

            return copy;
        }

        public void SetPendingKey(YamlKey key)
        {
            PendingKey = key;
            HasPendingKey = true;
            LastEnd = Math.Max(LastEnd, key.Range.End);
        }

        public YamlKey TakePendingKey()
        {
            HasPendingKey = false;
            return PendingKey;
        }
    }
}
