using System.Text.RegularExpressions;
using ChatBot.Dialogs.Recognizers;

namespace ChatBot.Dialogs.Prospects;

/// <summary>
/// The cheap readings of a visitor message that the knowledge base does not give: buying intent (pricing, demo,
/// purchase), a company size said in passing ("we are 40 people"), and small talk that needs no knowledge base
/// (greetings, thanks, "I have a question").
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
    }

    private static readonly HashSet<string> Greetings = new(StringComparer.Ordinal)
    {
        "hi", "hello", "hey", "hiya", "howdy", "yo", "hi there", "hello there", "hey there", "good morning", "good afternoon",
        "good evening", "morning", "hola", "bonjour", "hallo", "hi again", "hello again", "anyone here", "anyone there",
        "is anyone there", "is anyone here", "hi anyone here", "hi anyone there", "hello anyone there", "hello is anyone there",
    };

    private static readonly HashSet<string> Thanks = new(StringComparer.Ordinal)
    {
        "thanks", "thank you", "thanks a lot", "thank you very much", "thanks so much", "many thanks", "cheers", "thx", "ty",
        "ok thanks", "okay thanks", "ok thank you", "great thanks", "perfect thanks", "thanks that's all", "that's all thanks",
    };

    private static readonly HashSet<string> Goodbyes = new(StringComparer.Ordinal)
    {
        "bye", "goodbye", "bye bye", "see you", "see ya", "that's all", "thats all", "nothing else", "no that's all", "that's it",
    };

    private static readonly HashSet<string> WantsToAsk = new(StringComparer.Ordinal)
    {
        "i have a question", "i've got a question", "i have a few questions", "i have some questions", "question",
        "a question", "quick question", "i have a quick question", "can i ask a question", "can i ask you something",
    };

    [GeneratedRegex(@"\b(demo|demos|demonstration|walk ?through|product tour|see (it|larkspur) in action)\b")]
    private static partial Regex DemoPattern();

    [GeneratedRegex(@"\b(price|prices|pricing|priced|cost|costs|how much|quote|per seat|per user|expensive|cheap|budget|plans|which plan|what plan|right plan|best plan|(starter|professional|pro|enterprise) (plan|tier|edition|package))\b")]
    private static partial Regex PricingPattern();

    [GeneratedRegex(@"\b(buy|buying|purchase|purchasing|sign up|signup|subscribe|licen[cs]es?|evaluating|looking for a crm|need a crm|switch(ing)? (to|from)|migrat(e|ing) (to|from)|replace (our|my) crm)\b")]
    private static partial Regex PurchasePattern();

    // A head count: a number just before one of these, or after "team of" / "company of".
    [GeneratedRegex(@"\b(people|persons|employees|staff|users|seats|licen[cs]es|reps|salespeople|agents|members|colleagues|of us|person (team|company|business|startup))\b")]
    private static partial Regex HeadCountUnit();

    [GeneratedRegex(@"\b(team|company|business|staff|organi[sz]ation) of (?<n>(about |around |roughly |~)?[\w,.'\-]+)")]
    private static partial Regex TeamOf();

    [GeneratedRegex(@"\?\s*$")]
    private static partial Regex EndsWithQuestionMark();

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
        return PurchasePattern().IsMatch(text) ? JourneyIntents.Purchase : null;
    }

    /// <summary>A company size said in the message ("we are 40 people", "team of 12", "about 200 employees"), or null.</summary>
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
        return teamOf.Success ? Size(teamOf.Groups["n"].Value, max) : null;
    }

    public static SmallTalk SmallTalkOf(string? message)
    {
        var text = TextNormalizer.Normalize(message).Replace('’', '\'');
        if (Greetings.Contains(text))
        {
            return SmallTalk.Greeting;
        }
        if (Thanks.Contains(text))
        {
            return SmallTalk.Thanks;
        }
        if (Goodbyes.Contains(text))
        {
            return SmallTalk.Goodbye;
        }
        return WantsToAsk.Contains(text) ? SmallTalk.WantsToAsk : SmallTalk.None;
    }

    /// <summary>
    /// Too little to hand to a coach: at most two words and no question mark ("accept next", "asdf", "ok").
    /// The bot asks for more instead of starting a handoff.
    /// </summary>
    public static bool IsTooShortToRoute(string? message) =>
        !EndsWithQuestionMark().IsMatch(message ?? "") && TextNormalizer.Tokens(message).Length <= 2;

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
