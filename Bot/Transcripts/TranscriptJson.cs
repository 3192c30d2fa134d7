using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace ChatBot.Transcripts;

/// <summary>What every transcript store shares: the activity's JSON form, its entry id, its visitor, paging.</summary>
public static class TranscriptJson
{
    public const int PageSize = 100;

    private static readonly JsonSerializerSettings Settings = new() { NullValueHandling = NullValueHandling.Ignore, MaxDepth = 64 };

    public static string Serialize(IActivity activity) => JsonConvert.SerializeObject(activity, Settings);

    public static Activity Deserialize(string json) => JsonConvert.DeserializeObject<Activity>(json, Settings)!;

    /// <summary>The entry's id: the channel's activity id, so the same activity logged twice is one entry.</summary>
    public static string EntryId(IActivity activity) => string.IsNullOrEmpty(activity.Id) ? "g_" + Guid.NewGuid().ToString("N") : activity.Id;

    /// <summary>The visitor an activity is about: who sent it (TranscriptLoggerMiddleware gives inbound activities the role "user"), else who got it.</summary>
    public static string? VisitorOf(IActivity activity) =>
        activity.From?.Role == RoleTypes.User ? activity.From.Id : activity.Recipient?.Id;

    public static DateTimeOffset TimestampOf(IActivity activity) => activity.Timestamp ?? activity.LocalTimestamp ?? DateTimeOffset.UtcNow;

    public static void Check(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (string.IsNullOrEmpty(activity.ChannelId) || string.IsNullOrEmpty(activity.Conversation?.Id))
        {
            throw new ArgumentException("A transcript activity needs a channel id and a conversation id.", nameof(activity));
        }
    }

    /// <summary>One page of an ordered list: the continuation token is the offset of the next item.</summary>
    public static PagedResult<T> Page<T>(IReadOnlyList<T> all, string? continuationToken, int pageSize = PageSize)
    {
        var offset = int.TryParse(continuationToken, out var parsed) && parsed > 0 ? parsed : 0;
        var items = all.Skip(offset).Take(pageSize).ToArray();
        return new PagedResult<T>
        {
            Items = items,
            ContinuationToken = offset + items.Length < all.Count ? (offset + items.Length).ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
        };
    }
}
