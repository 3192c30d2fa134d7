using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace ChatBot.Dialogs.Faq;

/// <summary>
/// Hybrid FAQ recognizer: BM25 (stemmed, stop words, typo-tolerant) plus MiniLM sentence embeddings,
/// fused into one confidence per entry, with out-of-scope rejection. See <see cref="IFaqRecognizer"/>.
/// </summary>
public sealed class FaqRecognizer : IFaqRecognizer
{
    /// <summary>RecognizerResult.Properties key holding the decision ("Answer", "Clarify", "None").</summary>
    public const string DecisionProperty = "faqDecision";
    /// <summary>RecognizerResult.Entities key holding the ranked candidates.</summary>
    public const string CandidatesEntity = "faq";
    public const string NoneIntent = "None";

    private readonly IFaqIndexSource _source;
    private readonly FaqOptions _options;
    private readonly FaqMatchMode _mode;

    public FaqRecognizer(IFaqIndexSource source, IOptions<FaqOptions> options)
        : this(source, options.Value, FaqMatchMode.Hybrid)
    {
    }

    public FaqRecognizer(IFaqIndexSource source, FaqOptions options, FaqMatchMode mode)
    {
        _source = source;
        _options = options;
        _mode = mode;
    }

    public FaqKnowledgeBase KnowledgeBase => _source.Current.KnowledgeBase;

    public FaqEntry? FindEntry(string id) => KnowledgeBase.Find(id);

    /// <summary>
    /// Matches run one per core at most, the others wait here without a thread: a match is about 5 ms of CPU, so more
    /// at once only slows each down, holds a thread pool thread per waiting turn, and grows the model's memory arena
    /// (one set of activations per run in flight).
    /// </summary>
    private static readonly SemaphoreSlim MatchSlots = new(Environment.ProcessorCount, Environment.ProcessorCount);

    public async Task<FaqResult> MatchAsync(string question, int top = 3, CancellationToken cancellationToken = default)
    {
        await MatchSlots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return Match(question, top, cancellationToken);
        }
        finally
        {
            MatchSlots.Release();
        }
    }

    /// <summary>Synchronous form of <see cref="MatchAsync"/> (the work is CPU-bound, about 5 ms).</summary>
    public FaqResult Match(string question, int top, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(top, FaqOptions.MaxTop);
        if (string.IsNullOrWhiteSpace(question))
        {
            return FaqResult.Empty(question, "empty question");
        }
        var index = _source.Current;
        var scores = index.Score(question, _mode, _options.AnswerSimilarityWeight, cancellationToken);
        return FaqDecider.Decide(question, index, scores, _options, _mode, top);
    }

    public async Task<RecognizerResult> RecognizeAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var text = turnContext.Activity?.Text ?? "";
        var result = await MatchAsync(text, _options.Top, cancellationToken);
        return ToRecognizerResult(result);
    }

    public async Task<T> RecognizeAsync<T>(ITurnContext turnContext, CancellationToken cancellationToken)
        where T : IRecognizerConvert, new()
    {
        var converted = new T();
        converted.Convert(await RecognizeAsync(turnContext, cancellationToken));
        return converted;
    }

    /// <summary>
    /// Intents: one per candidate entry id, scored by confidence, plus "None" at 1.0 when the decision is
    /// None (so GetTopScoringIntent gives None). Entities["faq"]: the candidates. Properties["faqDecision"].
    /// </summary>
    public static RecognizerResult ToRecognizerResult(FaqResult result)
    {
        var recognized = new RecognizerResult { Text = result.Question };
        foreach (var candidate in result.Candidates)
        {
            recognized.Intents[candidate.EntryId] = new IntentScore { Score = candidate.Confidence };
        }
        if (result.Decision == FaqDecision.None)
        {
            recognized.Intents[NoneIntent] = new IntentScore { Score = 1.0 };
        }
        recognized.Entities[CandidatesEntity] = new JArray(result.Candidates.Select(c => new JObject
        {
            ["id"] = c.EntryId,
            ["question"] = c.MatchedQuestion,
            ["answer"] = c.Answer,
            ["team"] = c.Team,
            ["category"] = c.Category,
            ["followUps"] = new JArray(c.FollowUps),
            ["confidence"] = c.Confidence,
            ["lexical"] = c.Lexical,
            ["semantic"] = c.Semantic,
        }));
        recognized.Properties[DecisionProperty] = result.Decision.ToString();
        recognized.Properties["faqReason"] = result.Reason;
        return recognized;
    }
}
