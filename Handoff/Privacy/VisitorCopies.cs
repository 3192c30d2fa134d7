using ChatBot.Handoff.Storage;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ChatBot.Handoff.Privacy;

/// <summary>
/// Marks what the handoff shows a coach about a visitor (alerts, transcripts, relayed messages, the queue) with the
/// visitor's conversation, in the activity's channelData, so that a privacy request can find those copies in the
/// coaches' own conversations and remove them.
/// </summary>
public static class VisitorCopies
{
    /// <summary>channelData property: an array of "channelId/conversationId" of the visitors the activity is about.</summary>
    public const string Property = "chatbotAboutVisitors";

    public static string ConversationKey(string channelId, string conversationId) => $"{channelId}/{conversationId}";

    public static T About<T>(T activity, HandoffRecord record) where T : IActivity =>
        About(activity, [ConversationKey(record.ChannelId, record.ConversationId)]);

    public static T About<T>(T activity, IEnumerable<string> conversationKeys) where T : IActivity
    {
        var data = activity.ChannelData as JObject ?? (activity.ChannelData == null ? new JObject() : JObject.FromObject(activity.ChannelData));
        var about = data[Property] as JArray ?? new JArray();
        foreach (var key in conversationKeys)
        {
            about.Add(key);
        }
        data[Property] = about;
        activity.ChannelData = data;
        return activity;
    }

    /// <summary>The visitor conversations a stored activity (JSON) is about; empty when it is about none.</summary>
    public static IEnumerable<string> Of(JObject activity) =>
        activity["channelData"]?[Property] is JArray about ? about.Values<string>().OfType<string>() : [];
}
