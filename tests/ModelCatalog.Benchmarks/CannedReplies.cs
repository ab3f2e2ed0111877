using System;
using System.Text;

namespace ModelCatalog.Benchmarks;

/// <summary>
/// The provider replies every client benchmark is served, per protocol: a whole (non-streaming) response, and an SSE stream
/// of a given number of text deltas shaped like the provider's real streams (one event per delta, usage and the protocol's end).
/// JSON is written with single quotes here for readability and turned into double quotes by <see cref="Json"/>.
/// </summary>
internal static class CannedReplies
{
    /// <summary>The text of each streamed delta.</summary>
    public const string DeltaText = "token ";

    public static readonly string AnthropicReply = Json("{'id':'msg_1','type':'message','role':'assistant','model':'claude-haiku-4-5','content':[{'type':'text','text':'Hello! How can I help you today?'}],'stop_reason':'end_turn','stop_sequence':null,'usage':{'input_tokens':25,'output_tokens':12,'cache_read_input_tokens':0,'cache_creation_input_tokens':0}}");

    public static readonly string OpenAIReply = Json("{'id':'chatcmpl-1','object':'chat.completion','created':1760000000,'model':'gpt-4o-mini','choices':[{'index':0,'message':{'role':'assistant','content':'Hello! How can I help you today?'},'finish_reason':'stop'}],'usage':{'prompt_tokens':25,'completion_tokens':12,'total_tokens':37}}");

    public static readonly string ResponsesReply = Json("{'id':'resp_1','object':'response','created_at':1760000000,'status':'completed','model':'gpt-4.1-mini','output':[{'type':'message','id':'msg_1','status':'completed','role':'assistant','content':[{'type':'output_text','text':'Hello! How can I help you today?','annotations':[]}]}],'parallel_tool_calls':true,'tool_choice':'auto','tools':[],'usage':{'input_tokens':25,'input_tokens_details':{'cached_tokens':0},'output_tokens':12,'output_tokens_details':{'reasoning_tokens':0},'total_tokens':37}}");

    /// <summary>The whole reply for a request path (…/messages, …/chat/completions, …/responses).</summary>
    public static string ForPath(string path) =>
        path.EndsWith("/messages", StringComparison.Ordinal) ? AnthropicReply
        : path.EndsWith("/responses", StringComparison.Ordinal) ? ResponsesReply
        : OpenAIReply;

    /// <summary>An anthropic-messages stream: message_start, one text block of <paramref name="deltas"/> deltas, message_delta, message_stop.</summary>
    public static byte[] AnthropicStream(int deltas)
    {
        var sse = new StringBuilder();
        Event(sse, "message_start", "{'type':'message_start','message':{'id':'msg_1','type':'message','role':'assistant','model':'claude-haiku-4-5','content':[],'stop_reason':null,'stop_sequence':null,'usage':{'input_tokens':25,'output_tokens':1,'cache_read_input_tokens':0,'cache_creation_input_tokens':0}}}");
        Event(sse, "content_block_start", "{'type':'content_block_start','index':0,'content_block':{'type':'text','text':''}}");
        for (int i = 0; i < deltas; i++)
        {
            Event(sse, "content_block_delta", "{'type':'content_block_delta','index':0,'delta':{'type':'text_delta','text':'" + DeltaText + "'}}");
        }

        Event(sse, "content_block_stop", "{'type':'content_block_stop','index':0}");
        Event(sse, "message_delta", "{'type':'message_delta','delta':{'stop_reason':'end_turn','stop_sequence':null},'usage':{'output_tokens':" + deltas + "}}");
        Event(sse, "message_stop", "{'type':'message_stop'}");
        return Encoding.UTF8.GetBytes(sse.ToString());
    }

    /// <summary>An openai-completions stream: a role chunk, <paramref name="deltas"/> content chunks, a finish chunk, a usage chunk, [DONE].</summary>
    public static byte[] OpenAIStream(int deltas)
    {
        const string Head = "{'id':'chatcmpl-1','object':'chat.completion.chunk','created':1760000000,'model':'gpt-4o-mini','system_fingerprint':'fp_1',";
        var sse = new StringBuilder();
        Event(sse, null, Head + "'choices':[{'index':0,'delta':{'role':'assistant','content':''},'logprobs':null,'finish_reason':null}],'usage':null}");
        for (int i = 0; i < deltas; i++)
        {
            Event(sse, null, Head + "'choices':[{'index':0,'delta':{'content':'" + DeltaText + "'},'logprobs':null,'finish_reason':null}],'usage':null}");
        }

        Event(sse, null, Head + "'choices':[{'index':0,'delta':{},'logprobs':null,'finish_reason':'stop'}],'usage':null}");
        Event(sse, null, Head + "'choices':[],'usage':{'prompt_tokens':25,'completion_tokens':" + deltas + ",'total_tokens':" + (deltas + 25) + "}}");
        Event(sse, null, "[DONE]");
        return Encoding.UTF8.GetBytes(sse.ToString());
    }

    /// <summary>An openai-responses stream: created, a message item with <paramref name="deltas"/> output_text deltas, the done events, completed.</summary>
    public static byte[] ResponsesStream(int deltas)
    {
        const string Response = "'id':'resp_1','object':'response','created_at':1760000000,'model':'gpt-4.1-mini','parallel_tool_calls':true,'tool_choice':'auto','tools':[],";
        var text = new StringBuilder(deltas * DeltaText.Length).Insert(0, DeltaText, deltas).ToString();
        var part = "{'type':'output_text','text':'" + text + "','annotations':[]}";
        var item = "{'type':'message','id':'msg_1','status':'completed','role':'assistant','content':[" + part + "]}";
        var sse = new StringBuilder();
        int sequence = 0;
        Event(sse, "response.created", "{'type':'response.created','sequence_number':" + sequence++ + ",'response':{" + Response + "'status':'in_progress','output':[],'usage':null}}");
        Event(sse, "response.output_item.added", "{'type':'response.output_item.added','sequence_number':" + sequence++ + ",'output_index':0,'item':{'type':'message','id':'msg_1','status':'in_progress','role':'assistant','content':[]}}");
        Event(sse, "response.content_part.added", "{'type':'response.content_part.added','sequence_number':" + sequence++ + ",'item_id':'msg_1','output_index':0,'content_index':0,'part':{'type':'output_text','text':'','annotations':[]}}");
        for (int i = 0; i < deltas; i++)
        {
            Event(sse, "response.output_text.delta", "{'type':'response.output_text.delta','sequence_number':" + sequence++ + ",'item_id':'msg_1','output_index':0,'content_index':0,'delta':'" + DeltaText + "','logprobs':[]}");
        }

        Event(sse, "response.output_text.done", "{'type':'response.output_text.done','sequence_number':" + sequence++ + ",'item_id':'msg_1','output_index':0,'content_index':0,'text':'" + text + "','logprobs':[]}");
        Event(sse, "response.content_part.done", "{'type':'response.content_part.done','sequence_number':" + sequence++ + ",'item_id':'msg_1','output_index':0,'content_index':0,'part':" + part + "}");
        Event(sse, "response.output_item.done", "{'type':'response.output_item.done','sequence_number':" + sequence++ + ",'output_index':0,'item':" + item + "}");
        Event(sse, "response.completed", "{'type':'response.completed','sequence_number':" + sequence++ + ",'response':{" + Response + "'status':'completed','output':[" + item +
            "],'usage':{'input_tokens':25,'input_tokens_details':{'cached_tokens':0},'output_tokens':" + deltas + ",'output_tokens_details':{'reasoning_tokens':0},'total_tokens':" + (deltas + 25) + "}}}");
        return Encoding.UTF8.GetBytes(sse.ToString());
    }

    private static string Json(string singleQuoted) => singleQuoted.Replace('\'', '"');

    private static void Event(StringBuilder sse, string? type, string data)
    {
        if (type is not null)
        {
            sse.Append("event: ").Append(type).Append('\n');
        }

        sse.Append("data: ").Append(Json(data)).Append("\n\n");
    }
}
