using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Dialogs.Faq;

/// <summary>
/// The knowledge base behind Faq:KnowledgeBasePath. Loaded on first use (or by <see cref="FaqWarmUp"/> at
/// start), then reloaded when the file changes, after a quiet period, because editors save in several
/// writes. A file that fails validation is logged one line per problem and ignored: the last good
/// knowledge base stays in use (or an empty one, which escalates everything, if none ever loaded).
/// </summary>
public sealed class FaqKnowledgeBaseFile : IFaqIndexSource, IDisposable
{
    private readonly FaqOptions _options;
    private readonly ISentenceEmbedder _embedder;
    private readonly ILogger<FaqKnowledgeBaseFile> _logger;
    private readonly Lazy<FaqIndex> _first;
    private readonly object _reloadGate = new();
    private FileSystemWatcher? _watcher;
    private Timer? _debounce;
    private FaqIndex? _current;
    private bool _disposed;

    public FaqKnowledgeBaseFile(IOptions<FaqOptions> options, ISentenceEmbedder embedder, ILogger<FaqKnowledgeBaseFile> logger)
    {
        _options = options.Value;
        _embedder = embedder;
        _logger = logger;
        Path = ResolvePath(_options.KnowledgeBasePath);
        _first = new Lazy<FaqIndex>(LoadFirst, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The absolute path of the file.</summary>
    public string Path { get; }

    public FaqIndex Current => Volatile.Read(ref _current) ?? _first.Value;

    /// <summary>How many times a changed file replaced the knowledge base (tests wait on this).</summary>
    public int ReloadCount { get; private set; }

    /// <summary>Relative paths are resolved against the app's folder, where the sample kb.json is copied.</summary>
    public static string ResolvePath(string path) =>
        System.IO.Path.IsPathRooted(path) ? path : System.IO.Path.GetFullPath(System.IO.Path.Combine(AppContext.BaseDirectory, path));

    /// <summary>Reads the file again now; returns the problems (empty if it replaced the knowledge base).</summary>
    public IReadOnlyList<string> Reload()
    {
        lock (_reloadGate)
        {
            var previous = Current;
            var result = FaqKnowledgeBaseLoader.Load(Path);
            if (!result.Succeeded)
            {
                LogProblems(result.Problems, $"keeping the last good knowledge base ({previous.KnowledgeBase.Entries.Count} entries)");
                return result.Problems;
            }
            var index = FaqIndex.Build(result.KnowledgeBase!, _embedder, previous);
            Volatile.Write(ref _current, index);
            ReloadCount++;
            _logger.LogInformation("FAQ knowledge base reloaded from {Path}: {Count} entries", Path, index.KnowledgeBase.Entries.Count);
            return [];
        }
    }

    private FaqIndex LoadFirst()
    {
        var result = FaqKnowledgeBaseLoader.Load(Path);
        FaqIndex index;
        if (result.Succeeded)
        {
            index = FaqIndex.Build(result.KnowledgeBase!, _embedder);
            _logger.LogInformation("FAQ knowledge base loaded from {Path}: {Count} entries", Path, index.KnowledgeBase.Entries.Count);
        }
        else
        {
            LogProblems(result.Problems, "starting with an empty knowledge base: every question will be escalated");
            index = FaqIndex.Build(new FaqKnowledgeBase([], Path), _embedder);
        }
        Volatile.Write(ref _current, index);
        StartWatching();
        return index;
    }

    private void LogProblems(IReadOnlyList<string> problems, string consequence)
    {
        foreach (var problem in problems)
        {
            _logger.LogError("FAQ knowledge base {Path}: {Problem}", Path, problem);
        }
        _logger.LogError("FAQ knowledge base {Path} rejected ({Count} problems); {Consequence}", Path, problems.Count, consequence);
    }

    private void StartWatching()
    {
        var directory = System.IO.Path.GetDirectoryName(Path);
        if (!_options.WatchForChanges || _disposed || directory == null || !Directory.Exists(directory))
        {
            return;
        }
        _debounce = new Timer(_ => SafeReload(), null, Timeout.Infinite, Timeout.Infinite);
        _watcher = new FileSystemWatcher(directory, System.IO.Path.GetFileName(Path))
        {
            NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size | NotifyFilters.CreationTime,
        };
        FileSystemEventHandler changed = (_, _) => _debounce?.Change(_options.ReloadDebounceMs, Timeout.Infinite);
        _watcher.Changed += changed;
        _watcher.Created += changed;
        _watcher.Renamed += (_, e) => changed(this, e);
        _watcher.EnableRaisingEvents = true;
    }

    private void SafeReload()
    {
        try
        {
            if (!_disposed)
            {
                Reload();
            }
        }
        catch (Exception ex)
        {
            // A reload runs on a timer thread: an exception here would end the process.
            _logger.LogError(ex, "FAQ knowledge base {Path}: reload failed; keeping the last good knowledge base", Path);
        }
    }

    public void Dispose()
    {
        _disposed = true;
        _watcher?.Dispose();
        _debounce?.Dispose();
    }
}
