using System.Globalization;
using System.Security.Cryptography;
using ChatBot.Handoff.Storage;
using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ChatBot.DirectLine;

/// <summary>
/// Conversations and their activities on <see cref="IStorage"/>. A user's post and the bot's reply to it
/// arrive at the same time, so every change is a read-modify-write checked by ETag and retried on conflict.
/// Watermark = the index of the next activity to read.
/// </summary>
public sealed class ConversationStore(IStorage storage, TimeProvider clock, ILogger<ConversationStore> logger)
{
    public const int ChunkSize = 50;
    private const int MaxAttempts = 30;

    public static string ActivityId(string conversationId, int index) => $"{conversationId}|{index:D7}";

    /// <summary>
    /// 144 random bits, URL-safe, starting with a letter or digit: an id starting with "-" would be changed in CSV
    /// exports (a cell starting with - is prefixed with ' so it never runs as a formula) and no longer match the logs.
    /// </summary>
    public static string NewConversationId()
    {
        while (true)
        {
            var id = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_');
            if (char.IsAsciiLetterOrDigit(id[0]))
            {
                return id;
            }
        }
    }

    public async Task<ConversationRecord> CreateAsync(string ownerUserId, string? ownerName, CancellationToken cancellationToken)
    {
        var record = new ConversationRecord
        {
            Id = NewConversationId(),
            OwnerUserId = ownerUserId,
            Members = [new ConversationMember { Id = ownerUserId, Name = ownerName }],
            Created = clock.GetUtcNow(),
        };
        await storage.WriteAsync(new Dictionary<string, object> { [ConversationKey(record.Id)] = record }, cancellationToken);
        return record;
    }

    public async Task<ConversationRecord?> GetAsync(string conversationId, CancellationToken cancellationToken)
    {
        var key = ConversationKey(conversationId);
        var items = await storage.ReadAsync([key], cancellationToken);
        return items.TryGetValue(key, out var value) ? value as ConversationRecord : null;
    }

    public async Task<UserClaimRecord?> GetUserClaimAsync(string userId, CancellationToken cancellationToken)
    {
        var key = UserKey(userId);
        var items = await storage.ReadAsync([key], cancellationToken);
        return items.TryGetValue(key, out var value) ? value as UserClaimRecord : null;
    }

    public Task ClaimUserAsync(string userId, string conversationId, CancellationToken cancellationToken) =>
        storage.WriteAsync(new Dictionary<string, object>
        {
            [UserKey(userId)] = new UserClaimRecord { UserId = userId, ConversationId = conversationId },
        }, cancellationToken);

    /// <summary>Marks the conversation started; true only for the one caller that did it (it tells the bot).</summary>
    public async Task<bool> TryMarkStartedAsync(string conversationId, CancellationToken cancellationToken)
    {
        var changed = false;
        await UpdateAsync(conversationId, record =>
        {
            changed = !record.Started;
            record.Started = true;
            return changed;
        }, cancellationToken);
        return changed;
    }

    public Task<ConversationRecord?> AddMemberAsync(string conversationId, string userId, string? name, CancellationToken cancellationToken) =>
        UpdateAsync(conversationId, record =>
        {
            if (record.Members.Any(m => m.Id == userId))
            {
                return false;
            }
            record.Members.Add(new ConversationMember { Id = userId, Name = name });
            return true;
        }, cancellationToken);

    /// <summary>
    /// Appends one activity. <paramref name="build"/> gets the activity's id and a timestamp later than every
    /// earlier activity's, and may be called again when a concurrent append wins the race.
    /// Null when the conversation does not exist.
    /// </summary>
    public async Task<JObject?> AppendAsync(string conversationId, Func<string, string, JObject> build, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var record = await GetAsync(conversationId, cancellationToken);
            if (record == null)
            {
                return null;
            }

            var index = record.Count;
            // Millisecond steps: browsers parse timestamps to the millisecond, and Web Chat orders by them.
            var now = TruncateToMilliseconds(clock.GetUtcNow());
            var timestamp = now > record.LastTimestamp ? now : record.LastTimestamp.AddMilliseconds(1);
            var activity = build(ActivityId(conversationId, index),
                timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));

            record.Tail.Add(activity.ToString(Formatting.None));
            record.LastTimestamp = timestamp;
            string? newPageKey = null;
            if (record.Tail.Count >= ChunkSize)
            {
                // A page key used once, written before the record that lists it: a lost race leaves only an
                // orphan to delete, never a page that another writer's record points at.
                newPageKey = $"directline/page/{conversationId}/{Guid.NewGuid():N}";
                await storage.WriteAsync(new Dictionary<string, object>
                {
                    [newPageKey] = new ActivityPageRecord { Activities = [.. record.Tail] },
                }, cancellationToken);
                record.SealedPages.Add(newPageKey);
                record.Tail.Clear();
            }

            try
            {
                await storage.WriteAsync(new Dictionary<string, object> { [ConversationKey(conversationId)] = record }, cancellationToken);
                return activity;
            }
            catch (ETagConflictException) when (attempt < MaxAttempts)
            {
                if (newPageKey != null)
                {
                    await storage.DeleteAsync([newPageKey], cancellationToken);
                }
                await Task.Delay(Random.Shared.Next(1, 5 * Math.Min(attempt, 10)), cancellationToken);
            }
        }
    }

    /// <summary>Up to <paramref name="max"/> activities from <paramref name="watermark"/>, and the next watermark.</summary>
    public async Task<(IReadOnlyList<string> Activities, int Watermark)?> ReadAsync(string conversationId, int watermark, int max, CancellationToken cancellationToken)
    {
        var record = await GetAsync(conversationId, cancellationToken);
        if (record == null)
        {
            return null;
        }
        var total = record.Count;
        var from = Math.Clamp(watermark, 0, total);
        var to = Math.Min(total, from + max);
        var sealedCount = record.SealedPages.Count * ChunkSize;

        var result = new List<string>(to - from);
        if (from < sealedCount)
        {
            var firstPage = from / ChunkSize;
            var lastPage = (Math.Min(to, sealedCount) - 1) / ChunkSize;
            var keys = record.SealedPages.Skip(firstPage).Take(lastPage - firstPage + 1).ToArray();
            var pages = await storage.ReadAsync(keys, cancellationToken);
            for (var page = firstPage; page <= lastPage; page++)
            {
                if (!pages.TryGetValue(record.SealedPages[page], out var value) || value is not ActivityPageRecord stored)
                {
                    // Should not happen (pages are written before the record lists them); stop at the gap.
                    logger.LogError("Direct Line page {Page} of conversation {ConversationId} is missing", page, conversationId);
                    return (result, from + result.Count);
                }
                var start = page == firstPage ? from - page * ChunkSize : 0;
                var end = Math.Min(ChunkSize, to - page * ChunkSize);
                result.AddRange(stored.Activities.Skip(start).Take(end - start));
            }
        }
        if (to > sealedCount)
        {
            var start = Math.Max(from, sealedCount) - sealedCount;
            result.AddRange(record.Tail.Skip(start).Take(to - sealedCount - start));
        }
        return (result, from + result.Count);
    }

    private async Task<ConversationRecord?> UpdateAsync(string conversationId, Func<ConversationRecord, bool> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var record = await GetAsync(conversationId, cancellationToken);
            if (record == null || !change(record))
            {
                return record;
            }
            try
            {
                await storage.WriteAsync(new Dictionary<string, object> { [ConversationKey(conversationId)] = record }, cancellationToken);
                return record;
            }
            catch (ETagConflictException) when (attempt < MaxAttempts)
            {
                await Task.Delay(Random.Shared.Next(1, 5 * Math.Min(attempt, 10)), cancellationToken);
            }
        }
    }

    /// <summary>Deletes a conversation and all its activities (privacy requests); returns how many activities it held, or null when there was none.</summary>
    public async Task<int?> DeleteAsync(string conversationId, CancellationToken cancellationToken)
    {
        var record = await GetAsync(conversationId, cancellationToken);
        if (record == null)
        {
            return null;
        }
        // The record first: once it is gone nothing can list the pages, whose deletion follows.
        await storage.DeleteAsync([ConversationKey(conversationId)], cancellationToken);
        if (record.SealedPages.Count > 0)
        {
            await storage.DeleteAsync(record.SealedPages.ToArray(), cancellationToken);
        }
        return record.Count;
    }

    /// <summary>Remembers a conversation of a user who may have many (a coach gets one per console sign-in).</summary>
    public Task AddOwnedConversationAsync(string userId, string conversationId, CancellationToken cancellationToken) =>
        UpdateItemAsync<OwnedConversationsRecord>(OwnedKey(userId), owned =>
        {
            if (owned.ConversationIds.Contains(conversationId))
            {
                return false;
            }
            owned.ConversationIds.Add(conversationId);
            return true;
        }, cancellationToken);

    public async Task<IReadOnlyList<string>> OwnedConversationsAsync(string userId, CancellationToken cancellationToken)
    {
        var items = await storage.ReadAsync([OwnedKey(userId)], cancellationToken);
        return items.TryGetValue(OwnedKey(userId), out var value) && value is OwnedConversationsRecord owned ? owned.ConversationIds : [];
    }

    /// <summary>
    /// Blanks the activities <paramref name="matches"/> selects (privacy requests: a visitor's words in a coach's
    /// conversation): their text, attachments, actions and data go, their place in the conversation stays, so
    /// watermarks still count right. Returns how many were redacted.
    /// </summary>
    public async Task<int> RedactAsync(string conversationId, Func<JObject, bool> matches, CancellationToken cancellationToken)
    {
        // The tail first, then the pages of the record that write returned: an append that seals the tail meanwhile
        // either sees the tail redacted already or makes a page that this record lists.
        var inTail = 0;
        var record = await UpdateAsync(conversationId, current =>
        {
            inTail = Redact(current.Tail, matches);
            return inTail > 0;
        }, cancellationToken);
        if (record == null)
        {
            return 0;
        }
        var redacted = inTail;
        // Sealed pages are written once and never change after: rewriting one races nobody.
        foreach (var pageKey in record.SealedPages)
        {
            var pages = await storage.ReadAsync([pageKey], cancellationToken);
            if (pages.TryGetValue(pageKey, out var value) && value is ActivityPageRecord page && Redact(page.Activities, matches) is > 0 and var count)
            {
                page.ETag = "*";
                await storage.WriteAsync(new Dictionary<string, object> { [pageKey] = page }, cancellationToken);
                redacted += count;
            }
        }
        return redacted;
    }

    private static int Redact(List<string> activities, Func<JObject, bool> matches)
    {
        var count = 0;
        for (var i = 0; i < activities.Count; i++)
        {
            var activity = JObject.Parse(activities[i]);
            if (!matches(activity))
            {
                continue;
            }
            foreach (var field in new[] { "attachments", "suggestedActions", "channelData", "value", "entities", "speak" })
            {
                activity.Remove(field);
            }
            activity["text"] = RedactedText;
            activities[i] = activity.ToString(Formatting.None);
            count++;
        }
        return count;
    }

    public const string RedactedText = "(Removed at the visitor's request.)";

    private async Task UpdateItemAsync<T>(string key, Func<T, bool> change, CancellationToken cancellationToken) where T : class, IStoreItem, new()
    {
        for (var attempt = 1; ; attempt++)
        {
            var items = await storage.ReadAsync([key], cancellationToken);
            var item = items.TryGetValue(key, out var value) && value is T existing ? existing : new T();
            if (!change(item))
            {
                return;
            }
            try
            {
                await storage.WriteAsync(new Dictionary<string, object> { [key] = item }, cancellationToken);
                return;
            }
            catch (ETagConflictException) when (attempt < MaxAttempts)
            {
                await Task.Delay(Random.Shared.Next(1, 5 * Math.Min(attempt, 10)), cancellationToken);
            }
        }
    }

    /// <summary>Forgets which conversation a user id was first claimed by; true when there was a claim.</summary>
    public async Task<bool> DeleteUserClaimAsync(string userId, CancellationToken cancellationToken)
    {
        var claim = await GetUserClaimAsync(userId, cancellationToken);
        if (claim == null)
        {
            return false;
        }
        await storage.DeleteAsync([UserKey(userId)], cancellationToken);
        return true;
    }

    private static DateTimeOffset TruncateToMilliseconds(DateTimeOffset value) =>
        new(value.Ticks - value.Ticks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);

    private static string ConversationKey(string conversationId) => $"directline/conversation/{conversationId}";

    private static string UserKey(string userId) => $"directline/user/{userId}";

    private static string OwnedKey(string userId) => $"directline/owned/{userId}";
}
