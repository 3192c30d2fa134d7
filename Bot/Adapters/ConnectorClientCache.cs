using System.Collections.Concurrent;
using Microsoft.Bot.Connector;
using Newtonsoft.Json.Serialization;

namespace ChatBot.Adapters;

/// <summary>
/// Reuses Bot Connector clients across turns, per (app id, serviceUrl, audience).
/// Why: in SDK 4.23.1 CloudAdapter builds a new ConnectorClient for every turn, and every client
/// gets its own Newtonsoft contract resolver, so each reply re-reflects the Activity types and
/// compiles their getters again (about 13 ms of CPU per turn, most of the turn's cost).
/// A client is thread-safe for sending, and its credentials fetch and refresh tokens per request,
/// so sharing it is safe. Entries expire (<see cref="Lifetime"/>) so a new HttpClient picks up DNS
/// changes; an expired client is never disposed, because a turn may still be using it.
/// </summary>
public sealed class ConnectorClientCache
{
    private readonly ConcurrentDictionary<(string? AppId, string ServiceUrl, string? Audience), Entry> _entries = new();
    private readonly TimeProvider _time;
    private long _created;

    public ConnectorClientCache(TimeProvider? time = null, TimeSpan? lifetime = null)
    {
        _time = time ?? TimeProvider.System;
        Lifetime = lifetime ?? TimeSpan.FromMinutes(10);
    }

    public TimeSpan Lifetime { get; }

    /// <summary>How many clients were built so far (for tests and the benchmark).</summary>
    public long ClientsCreated => Interlocked.Read(ref _created);

    public async Task<IConnectorClient> GetOrCreateAsync(string? appId, string serviceUrl, string? audience, Func<Task<IConnectorClient>> create)
    {
        var key = (appId, serviceUrl, audience);
        var now = _time.GetUtcNow();
        while (true)
        {
            var entry = _entries.GetOrAdd(key, _ => new Entry(now + Lifetime, new Lazy<Task<IConnectorClient>>(() => CreateShared(create))));
            if (entry.Expires <= now)
            {
                // Replace only the entry we saw; another turn may have replaced it already.
                _entries.TryRemove(new KeyValuePair<(string?, string, string?), Entry>(key, entry));
                continue;
            }
            try
            {
                return new NonDisposingConnectorClient(await entry.Client.Value);
            }
            catch
            {
                // A failed creation (credentials, bad URL) is not cached: the next turn tries again.
                _entries.TryRemove(new KeyValuePair<(string?, string, string?), Entry>(key, entry));
                throw;
            }
        }
    }

    private async Task<IConnectorClient> CreateShared(Func<Task<IConnectorClient>> create)
    {
        var client = await create();
        Interlocked.Increment(ref _created);
        SharedContractResolvers.Apply(client);
        return client;
    }

    private sealed record Entry(DateTimeOffset Expires, Lazy<Task<IConnectorClient>> Client);
}

/// <summary>
/// One contract resolver per resolver type for all Connector clients: Newtonsoft caches contracts
/// per resolver instance, so sharing it means the Activity contracts are built once per process.
/// DefaultContractResolver is thread-safe.
/// </summary>
public static class SharedContractResolvers
{
    private static readonly ConcurrentDictionary<Type, IContractResolver> Shared = new();

    public static void Apply(IConnectorClient client)
    {
        Share(client.SerializationSettings);
        Share(client.DeserializationSettings);
    }

    private static void Share(Newtonsoft.Json.JsonSerializerSettings? settings)
    {
        if (settings?.ContractResolver is { } resolver && resolver.GetType().GetConstructor(Type.EmptyTypes) != null)
        {
            settings.ContractResolver = Shared.GetOrAdd(resolver.GetType(), _ => resolver);
        }
    }
}
