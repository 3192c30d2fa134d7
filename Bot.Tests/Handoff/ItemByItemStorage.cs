using Microsoft.Bot.Builder;

namespace ChatBot.Tests.Handoff;

/// <summary>
/// An <see cref="IStorage"/> that writes a batch item by item, as Blob Storage does, with a hook before each item:
/// to widen race windows (a delay) or to stop half-way (throw, as a crash or a failed write would).
/// </summary>
public sealed class ItemByItemStorage(IStorage inner) : IStorage
{
    private int _writes;

    /// <summary>Called with the item number (1-based, counted over the storage's life) and key before each item is written.</summary>
    public Func<int, string, Task>? BeforeItem { get; set; }

    public int ItemWrites => Volatile.Read(ref _writes);

    public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default) => inner.ReadAsync(keys, cancellationToken);

    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        foreach (var (key, value) in changes)
        {
            var n = Interlocked.Increment(ref _writes);
            if (BeforeItem != null)
            {
                await BeforeItem(n, key);
            }
            await inner.WriteAsync(new Dictionary<string, object> { [key] = value }, cancellationToken);
        }
    }

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) => inner.DeleteAsync(keys, cancellationToken);
}

public sealed class SimulatedCrashException(string key) : Exception($"Simulated stop before writing '{key}'.");
