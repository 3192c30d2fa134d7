using System.Text.RegularExpressions;
using ChatBot.Dialogs.Recognizers;

namespace ChatBot.Dialogs.Prospects;

/// <summary>
/// The cheap readings of a visitor message that the knowledge base does not give: buying intent (pricing, demo,
/// purchase), a company size said in passing ("we are 40 people", "just me"), whether the message is a question,
/// and small talk that needs no knowledge base (greetings, thanks, goodbyes, "I have a question").
/// </summary>
public static partial class MessageSignals
{
    /// <summary>What a short message that is not a question is, when it is small talk.</summary>
    public enum SmallTalk
    {
        None,
        Greeting,
        Thanks,
        Goodbye,
        WantsToAsk,

        /// <summary>"ok", "great", 👍: nothing but polite filler.</summary>
        Acknowledgement,
    }

    // Small talk is read word by word: every word must be one of these, and at least one a greeting, thanks or
    // goodbye (or, for an acknowledgement, an ok-word). Phrases are first folded into one word each.
    private static readonly (string Phrase, string Word)[] SmallTalkPhrases =
    [
        ("good morning", "hello"), ("good afternoon", "hello"), ("good evening", "hello"), ("anyone here", "hello"),
        ("anyone there", "hello"), ("thank you", "thanks"), ("thank u", "thanks"), ("many thanks", "thanks"),
        ("much appreciated", "thanks"), ("good bye", "bye"), ("bye bye", "bye"), ("see you", "bye"), ("see ya", "bye"),
        ("talk later", "bye"), ("take care", "bye"), ("have a good day", "bye"), ("have a nice day", "bye"),
        ("have a great day", "bye"), ("have a good one", "bye"), ("good night", "bye"), ("that's all", "bye"),
        ("thats all", "bye"), ("that is all", "bye"), ("that's it", "bye"), ("thats it", "bye"), ("nothing else", "bye"),
        ("i'm done", "bye"), ("im done", "bye"), ("all set", "ok"), ("i'm good", "ok"), ("im good", "ok"), ("all good", "ok"),
        ("got it", "ok"), ("for the help", "for"), ("for your help", "for"),
    ];

    private static readonly HashSet<string> GreetingWords = new(StringComparer.Ordinal)
    {
        "hi", "hello", "hey", "hiya", "howdy", "yo", "morning", "hola", "bonjour", "hallo", "👋",
    };

    private static readonly HashSet<string> ThanksWords = new(StringComparer.Ordinal)
    {
        "thanks", "thank", "thx", "ty", "cheers", "ta", "appreciated", "appreciate", "🙏",
    };

    private static readonly HashSet<string> GoodbyeWords = new(StringComparer.Ordinal)
    {
        "bye", "goodbye", "byebye", "cya", "later", "ciao", "farewell",
    };

    private static readonly HashSet<string> OkWords = new(StringComparer.Ordinal)
    {
        "ok", "okay", "k", "kk", "alright", "great", "perfect", "awesome", "cool", "nice", "lovely", "brilliant",
        "excellent", "super", "good", "fine", "sure", "wonderful", "fantastic", "👍", "👌", "🙂", "😊", "😀", "😃", "😄",
    };

    private static readonly HashSet<string> FillerWords = new(StringComparer.Ordinal)
    {
        "a", "the", "so", "very", "much", "lot", "lots", "again", "and", "then", "oh", "ah", "well", "yes", "yeah", "yep",
        "no", "nope", "for", "it", "that", "this", "all", "now", "today", "really", "you", "u", "your", "guys", "team",
        "folks", "there", "everyone", "anyone", "here", "is", "bot", "just", "help", "mate", "man", "bunch", "tons", "x",
        "xx", "haha", "lol",
    };

    private static readonly HashSet<string> WantsToAsk = new(StringComparer.Ordinal)
    {
        "i have a question", "i've got a question", "i have a few questions", "i have some questions", "question",
        "a question", "quick question", "i have a quick question", "can i ask a question", "can i ask you something",
    };

    // Words said before a question that do not change it: "wait, how do I...", "ok so what does...".
    private static readonly HashSet<string> LeadIns = new(StringComparer.Ordinal)
    {
        "wait", "hmm", "hm", "hmmm", "um", "umm", "uh", "ok", "okay", "so", "and", "but", "also", "oh", "actually", "sorry",
        "btw", "hey", "hi", "well", "then", "ah", "right", "quick", "question", "one", "more", "thing", "just",
    };

    [GeneratedRegex(@"\b(demo|demos|demonstration|walk ?through|product tour|see (it|larkspur) in action)\b")]
    private static partial Regex DemoPattern();

    [GeneratedRegex(@"\b(price|prices|pricing|priced|cost|costs|how much|quote|per seat|per user|expensive|cheap|budget|plans|which plan|what plan|right plan|best plan|(starter|professional|pro|enterprise) (plan|tier|edition|package))\b")]
    private static partial Regex PricingPattern();

    [GeneratedRegex(@"\b(buy|buying|purchase|purchasing|sign up|signup|subscribe|licen[cs]es?|evaluating|looking for a crm|need a crm|replace (our|my) crm)\b")]
    private static partial Regex PurchasePattern();

    // Moving to or from another product is buying intent; moving between billing cycles or plans is not.
    [GeneratedRegex(@"\b(switch(ing)?|migrat(e|ing)|mov(e|ing)|coming) (over )?(to|from) (?<what>\S+( \S+)?( \S+)?)")]
    private static partial Regex SwitchPattern();

    // Billing and plan words: a how-to about these is about a plan someone already has, not a purchase.
    [GeneratedRegex(@"\b(billing|billed|bill|annual|annually|yearly|monthly|month|year|seats?|licen[cs]es?|subscriptions?|invoices?|receipts?|payments?|card|upgrade|upgrading|downgrade|downgrading|renew|renewal|plans?|tiers?|free|starter|professional|pro|enterprise|trial)\b")]
    private static partial Regex BillingTerm();

    [GeneratedRegex(@"^(how (do|can|would|should|could) (i|we|you)|how to|where (do|can) (i|we)|can (i|we)|is it possible to)\b")]
    private static partial Regex HowTo();

    // A head count: a number just before one of these, or after "team of" / "company of".
    [GeneratedRegex(@"\b(people|persons|employees|staff|users|seats|licen[cs]es|reps|salespeople|agents|members|colleagues|of us|person (team|company|business|startup))\b")]
    private static partial Regex HeadCountUnit();

    [GeneratedRegex(@"\b(team|company|business|staff|organi[sz]ation) of (?<n>(about |around |roughly |~)?[\w,.'\-]+)")]
    private static partial Regex TeamOf();

    // A team of one: "just me", "only me", "it's only myself", "solo"; not "just me and a friend".
    [GeneratedRegex(@"(^|\b)((just|only) (me|myself)|me only|myself only|solo|solopreneur|one[- ]man band|one[- ]person (team|company|business|shop)|by myself|i work alone|i'm alone|me myself and i)\b(?! (and|plus|with|\+|&))")]
    private static partial Regex Solo();

    [GeneratedRegex(@"\?\s*$")]
    private static partial Regex EndsWithQuestionMark();

    [GeneratedRegex(@"^(how|what|what's|whats|when|where|which|who|whom|whose|why|does|doesn't|tell me|any way|anyway to|is there|are there)\b"
        + @"|^(can|could|would|will|should|shall|may|might) (i|we|you|it|there|larkspur|someone|anyone|my|our|your)\b"
        + @"|^(do|did|don't) (you|i|we|they|your|larkspur)\b"
        + @"|^(is|isn't|was) (there|it|this|that|larkspur|your|my|the)\b"
        + @"|^(are|aren't|were) (there|you|your|the|these|those|they)\b"
        + @"|^(has|have|hasn't|haven't) (you|anyone|larkspur|it)\b")]
    private static partial Regex QuestionStart();

    // Questions about the bot's own question ("why do you need that?"): answered with what the question is for.
    [GeneratedRegex(@"^why( do| would| are)? you (need|want|ask|asking)\b|^why (is|do) (that|this|it)\b|^why$|what do you mean|what does (that|this) mean|^what ('s|is) (this|that) for\b|^what('s| is)? it for\b|^what for$|^(do|must) i (have|need) to\b|^is (this|that|it) (required|necessary|mandatory)\b")]
    private static partial Regex AboutTheQuestion();

    /// <summary>pricing, demo or purchase (<see cref="JourneyIntents"/>), or null. Demo wins over pricing over purchase.</summary>
    public static string? BuyingIntent(string? message)
    {
        var text = Lower(message);
        if (text.Length == 0)
        {
            return null;
        }
        if (DemoPattern().IsMatch(text))
        {
            return JourneyIntents.Demo;
        }
        if (PricingPattern().IsMatch(text))
        {
            return JourneyIntents.Pricing;
        }
        // "How do I buy more paid seats?", "How do I switch from monthly to annual billing?": how-tos of a plan
        // the visitor already has.
        var howTo = HowTo().IsMatch(StripLeadIns(TextNormalizer.Normalize(message)));
        if (PurchasePattern().IsMatch(text) && !(howTo && BillingTerm().IsMatch(text)))
        {
            return JourneyIntents.Purchase;
        }
        foreach (Match move in SwitchPattern().Matches(text))
        {
            if (!BillingTerm().IsMatch(move.Groups["what"].Value))
            {
                return JourneyIntents.Purchase;
            }
        }
        return null;
    }

    /// <summary>
    /// A company size said in the message ("we are 40 people", "team of 12", "about 200 employees", "just me" = 1),
    /// or null.
    /// </summary>
    public static int? CompanySize(string? message, int max)
    {
        var text = Lower(message);
        if (text.Length == 0)
        {
            return null;
        }
        foreach (Match unit in HeadCountUnit().Matches(text))
        {
            // The one to three words right before the unit: "40", "about 40", "forty five".
            var before = text[..unit.Index].TrimEnd(' ', '-').Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var take = Math.Min(3, before.Length); take >= 1; take--)
            {
                var size = Size(string.Join(' ', before[^take..]), max);
                if (size != null)
                {
                    return size;
                }
            }
        }
        var teamOf = TeamOf().Match(text);
        if (teamOf.Success && Size(teamOf.Groups["n"].Value, max) is int said)
        {
            return said;
        }
        return IsSolo(text) ? 1 : null;
    }

    /// <summary>"just me", "only myself", "solo": a company of one (not "just me and a friend").</summary>
    public static bool IsSolo(string? message) => Solo().IsMatch(Lower(message).Replace(",", ""));

    /// <summary>
    /// A question: ends with "?" or starts like one ("how do I...", "do you...", "is there...", "can I..."), after
    /// lead-ins such as "wait," or "ok so".
    /// </summary>
    public static bool IsQuestion(string? message)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return false;
        }
        return EndsWithQuestionMark().IsMatch(message) || StartsLikeQuestion(message);
    }

    /// <summary>Starts like a question ("how...", "do you...", "is there..."), after lead-ins such as "wait,".</summary>
    public static bool StartsLikeQuestion(string? message) =>
        QuestionStart().IsMatch(StripLeadIns(TextNormalizer.Normalize(message)));

    /// <summary>A question about the bot's own question ("why do you need that?", "what do you mean?").</summary>
    public static bool IsAboutTheQuestion(string? message) =>
        AboutTheQuestion().IsMatch(StripLeadIns(TextNormalizer.Normalize(message)));

    /// <summary>The question without its lead-ins ("wait, how do I connect Gmail?" → "how do I connect Gmail?"), for the knowledge base.</summary>
    public static string QuestionText(string message)
    {
        var words = message.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var skip = 0;
        while (skip < words.Length - 2 && LeadIns.Contains(TextNormalizer.Normalize(words[skip])))
        {
            skip++;
        }
        return skip == 0 ? message.Trim() : string.Join(' ', words[skip..]);
    }

    /// <summary>
    /// Small talk, read tolerantly: "ok thanks, bye", "thanks for the help!", "hi there 👋", "great, thanks 🙏".
    /// Every word must be a greeting, thanks, goodbye, ok-word or polite filler (or an emoji); a goodbye wins over
    /// thanks, thanks over a greeting.
    /// </summary>
    public static SmallTalk SmallTalkOf(string? message)
    {
        var text = TextNormalizer.Normalize(message).Replace('’', '\'');
        if (text.Length == 0)
        {
            return SmallTalk.None;
        }
        if (WantsToAsk.Contains(text))
        {
            return SmallTalk.WantsToAsk;
        }
        var folded = " " + text + " ";
        foreach (var (phrase, word) in SmallTalkPhrases)
        {
            folded = folded.Replace(" " + phrase + " ", " " + word + " ", StringComparison.Ordinal);
        }
        var words = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        bool greeting = false, thanks = false, goodbye = false, ok = false, declined = false;
        foreach (var word in words)
        {
            if (GreetingWords.Contains(word))
            {
                greeting = true;
            }
            else if (ThanksWords.Contains(word))
            {
                thanks = true;
            }
            else if (GoodbyeWords.Contains(word))
            {
                goodbye = true;
            }
            else if (OkWords.Contains(word) || IsEmoji(word))
            {
                ok = true;
            }
            else if (FillerWords.Contains(word))
            {
                declined |= word is "no" or "nope";
            }
            else
            {
                return SmallTalk.None;
            }
        }
        // "no thanks" after "anything else?" is a goodbye.
        if (goodbye || (thanks && declined))
        {
            return SmallTalk.Goodbye;
        }
        if (thanks)
        {
            return SmallTalk.Thanks;
        }
        if (greeting)
        {
            return SmallTalk.Greeting;
        }
        return ok && !declined ? SmallTalk.Acknowledgement : SmallTalk.None;
    }

    /// <summary>
    /// Too little to hand to a coach: at most two words and no question mark ("accept next", "asdf", "ok").
    /// The bot asks for more instead of starting a handoff.
    /// </summary>
    public static bool IsTooShortToRoute(string? message) =>
        !EndsWithQuestionMark().IsMatch(message ?? "") && TextNormalizer.Tokens(message).Length <= 2;

    private static bool IsEmoji(string word) => word.Length > 0 && !word.Any(char.IsLetterOrDigit);

    private static string StripLeadIns(string normalized)
    {
        var words = normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var skip = 0;
        while (skip < words.Length - 1 && LeadIns.Contains(words[skip]))
        {
            skip++;
        }
        return string.Join(' ', words[skip..]);
    }

    private static int? Size(string words, int max)
    {
        var number = NumberRecognizer.Recognize(words);
        if (number?.Estimate is not double estimate || estimate < 1 || estimate > max)
        {
            return null;
        }
        return (int)Math.Round(estimate, MidpointRounding.AwayFromZero);
    }

    private static string Lower(string? message) =>
        string.IsNullOrWhiteSpace(message) ? "" : Regex.Replace(message.ToLowerInvariant().Replace('’', '\''), @"\s+", " ").Trim();
}
