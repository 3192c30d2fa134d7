using ChatBot.Dialogs.Prospects;
using Newtonsoft.Json.Linq;

namespace ChatBot.Commands.Benchmark;

/// <summary>What a simulated visitor says next, and whether it starts a new conversation (a new walk) first.</summary>
public readonly record struct VisitorStep(string Text, bool NewConversation);

/// <summary>One simulated visitor's lines: the next message, given the bot's replies to the previous one.</summary>
public abstract class VisitorScript
{
    public abstract VisitorStep Next(IReadOnlyList<JObject> lastReplies);
}

/// <summary>
/// A message mix: the scripts of its visitors and the visitor type the page would send (channelData.visitor.type).
/// FAQ visitors are customers, so a question about prices is answered rather than turned into qualification.
/// </summary>
public sealed class Mix(string name, string? visitorType, Func<int, VisitorScript> script)
{
    public string Name { get; } = name;
    public string? VisitorType { get; } = visitorType;
    public VisitorScript NewScript(int slot) => script(slot);

    public static readonly IReadOnlyList<string> GreetingTexts =
        ["hi", "hello", "good morning", "hey there", "hello!", "hi, anyone here?", "good afternoon", "hey", "hi there", "good evening"];

    /// <summary>The FAQ questions (Data/faq-questions.txt): paraphrases of the knowledge base that it answers outright.</summary>
    public static IReadOnlyList<string> FaqQuestions => Questions.Value;

    private static readonly Lazy<IReadOnlyList<string>> Questions = new(LoadQuestions);

    public static readonly Mix Greetings = new("greetings", null, slot => new Cycle(GreetingTexts, slot * 7, 1));

    /// <summary>Free text only: every message is a knowledge-base question through the real recognizer.</summary>
    public static readonly Mix Faq = new("faq", VisitorTypes.Customer, slot => new Cycle(FaqQuestions, slot * 37, QuestionStride));

    /// <summary>The FAQ/greeting mix: greetings and questions, half and half.</summary>
    public static readonly Mix FaqAndGreetings = new("faq+greetings", VisitorTypes.Customer, slot => new Alternating(GreetingTexts, FaqQuestions, slot));

    /// <summary>A prospect's whole qualification, answering with the buttons the bot offers, then a new prospect.</summary>
    public static readonly Mix Qualification = new("qualification", null, slot => new QualificationWalk(slot));

    public static Mix? Named(string name) => new[] { Greetings, Faq, FaqAndGreetings, Qualification }.FirstOrDefault(m => m.Name == name);

    private static IReadOnlyList<string> LoadQuestions()
    {
        using var stream = typeof(Mix).Assembly.GetManifestResourceStream("ChatBot.Benchmark.faq-questions.txt")
            ?? throw new InvalidOperationException("The benchmark's FAQ questions are not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        var lines = reader.ReadToEnd().Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).Distinct().ToList();
        return lines.Count > 0 ? lines : throw new InvalidOperationException("The benchmark's FAQ question file is empty.");
    }

    /// <summary>
    /// How far a visitor moves through the question list at each turn. The file lists a few paraphrases per entry in a
    /// row, and a visitor who asks the same thing again right after the answer is telling the bot it did not help
    /// (it offers a person then): a stride coprime with the count visits every question, never two neighbours in a row.
    /// </summary>
    private static int QuestionStride => Enumerable.Range(53, 1000).First(step => Gcd(step, FaqQuestions.Count) == 1);

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);

    private sealed class Cycle(IReadOnlyList<string> texts, int offset, int step) : VisitorScript
    {
        private int _turn;
        public override VisitorStep Next(IReadOnlyList<JObject> lastReplies) => new(texts[(int)((offset + (long)_turn++ * step) % texts.Count)], false);
    }

    private sealed class Alternating(IReadOnlyList<string> greetings, IReadOnlyList<string> questions, int slot) : VisitorScript
    {
        private int _turn;
        public override VisitorStep Next(IReadOnlyList<JObject> lastReplies)
        {
            var turn = _turn++;
            return new(turn % 2 == 0 ? greetings[(slot + turn / 2) % greetings.Count] : questions[(int)((slot * 37 + (long)(turn / 2) * QuestionStride) % questions.Count)], false);
        }
    }
}

/// <summary>
/// A prospect who asks about buying, then answers every qualification question: a button the bot offered (never
/// "skip"), an email when asked for one. When the bot asks nothing more (qualified and queued for sales, or given
/// self-serve resources), the walk is over and the next message starts a new prospect's conversation.
/// </summary>
public sealed class QualificationWalk(int slot) : VisitorScript
{
    private static readonly string[] Openers =
    [
        "How much is the Professional plan? We are {0} people",
        "what would larkspur cost for a team of {0}",
        "I'd like to buy Larkspur for my company",
        "what are your prices",
        "we want to purchase a plan for {0} users",
        "can you tell me about pricing for {0} seats",
    ];

    private static readonly string[] Asked =
    [
        JourneyTexts.RoleQuestion, JourneyTexts.SizeQuestion, JourneyTexts.UseCaseQuestion, JourneyTexts.TimelineQuestion, JourneyTexts.EmailQuestion,
    ];

    private int _walk = -1;
    private int _step;

    public int Walks => _walk + 1;

    public override VisitorStep Next(IReadOnlyList<JObject> lastReplies)
    {
        var texts = lastReplies.Select(r => (string?)r["text"] ?? "").ToList();
        var asking = _walk >= 0 && texts.Any(t => Asked.Any(q => t.Contains(q, StringComparison.Ordinal)) || t.StartsWith("Is it OK if our sales team emails you", StringComparison.Ordinal));
        if (!asking)
        {
            _walk++;
            _step = 0;
            var opener = Openers[(slot + _walk) % Openers.Length];
            return new(string.Format(opener, 5 + (slot * 13 + _walk * 29) % 400), true);
        }
        _step++;
        if (texts.Any(t => t.Contains(JourneyTexts.EmailQuestion, StringComparison.Ordinal)))
        {
            return new($"alex.{slot}.{_walk}@company{slot}.example", false);
        }
        var offered = lastReplies
            .SelectMany(r => r["suggestedActions"]?["actions"] as JArray ?? [])
            .Select(a => (string?)a["value"] ?? (string?)a["title"])
            .OfType<string>()
            .Where(v => !string.Equals(v, JourneyTexts.Skip, StringComparison.OrdinalIgnoreCase))
            .ToList();
        // A question without buttons (the size, when the bot offers none): a number.
        return offered.Count == 0
            ? new((10 + slot).ToString(System.Globalization.CultureInfo.InvariantCulture), false)
            : new(offered[(slot + _walk + _step) % offered.Count], false);
    }
}
