namespace ChatBot.Handoff.Middleware;

/// <summary>
/// One FIFO async lock per conversation in this process: the turns of a conversation are handled one at a
/// time, in the order they arrived, so a burst of messages is relayed in order.
/// </summary>
public sealed class KeyedAsyncLock
{
    private readonly Dictionary<string, (SemaphoreSlim Gate, int Users)> _gates = new();

    public async Task<IDisposable> AcquireAsync(string key, CancellationToken cancellationToken)
    {
        SemaphoreSlim gate;
        lock (_gates)
        {
            var (existing, users) = _gates.TryGetValue(key, out var entry) ? entry : (new SemaphoreSlim(1, 1), 0);
            gate = existing;
            _gates[key] = (gate, users + 1);
        }
        try
        {
            // SemaphoreSlim queues async waiters first come, first served.
            await gate.WaitAsync(cancellationToken);
        }
        catch
        {
            Release(key, gate, entered: false);
            throw;
        }
        return new Releaser(() => Release(key, gate, entered: true));
    }

    private void Release(string key, SemaphoreSlim gate, bool entered)
    {
        if (entered)
        {
            gate.Release();
        }
        lock (_gates)
        {
            var (current, users) = _gates[key];
            if (users <= 1)
            {
                _gates.Remove(key);
            }
            else
            {
                _gates[key] = (current, users - 1);
            }
        }
    }

    private sealed class Releaser(Action release) : IDisposable
    {
        private Action? _release = release;

        public void Dispose() => Interlocked.Exchange(ref _release, null)?.Invoke();
    }
}
