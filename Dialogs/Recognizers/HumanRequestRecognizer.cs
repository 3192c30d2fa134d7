using System.Text.RegularExpressions;

namespace ChatBot.Dialogs.Recognizers;

/// <summary>
/// Hears a request for a person in a sentence, beyond the fixed phrases of the interruption options: a request
/// frame ("I need", "can I speak to", "connect me with") right before someone to talk to ("a person", "a real
/// human", "someone from sales"). Someone of the visitor's own ("someone on my team", "a person to my portal")
/// is not a request: that is a question about the product.
/// </summary>
public static partial class HumanRequestRecognizer
{
    /// <param name="normalized">Text from <see cref="TextNormalizer.Normalize"/>.</param>
    public static bool IsMatch(string normalized) => Request().IsMatch(normalized);

    /// <summary>Whether <paramref name="phrase"/> (normalized) is in <paramref name="normalized"/> as a request, not followed by "on my team" and the like.</summary>
    public static bool ContainsRequestPhrase(string normalized, string phrase)
    {
        var padded = " " + normalized + " ";
        for (var at = padded.IndexOf(" " + phrase + " ", StringComparison.Ordinal); at >= 0;
             at = padded.IndexOf(" " + phrase + " ", at + 1, StringComparison.Ordinal))
        {
            if (!OwnPerson().IsMatch(padded[(at + phrase.Length + 1)..]))
            {
                return true;
            }
        }
        return false;
    }

    [GeneratedRegex(@"^ (?:on|in|from|of|at|for|to|into) my\b", RegexOptions.CultureInvariant)]
    private static partial Regex OwnPerson();

    [GeneratedRegex("""
        \b(?:
            (?:i\ need|i\ want|i\ would\ like|i'd\ like)(?:\ to\ (?:talk|speak|chat)\ (?:to|with))?
          | (?:can|could|may)\ i\ (?:get|have|please\ get|speak\ to|speak\ with|talk\ to|talk\ with|chat\ with)
          | (?:let\ me|i'd\ rather|i\ would\ rather)\ (?:talk|speak|chat)\ (?:to|with)
          | (?:give|get|find)\ me
          | (?:connect|put)\ me\ (?:to|with|through\ to)
          | transfer\ me\ to
        )
        \ (?:a\ |an\ |some\ |one\ of\ your\ |your\ )?(?:real\ |live\ |actual\ )?
        (?:person|human|human\ being|agent|representative|rep|operator|salesperson|sales\ rep|someone|somebody|anyone|anybody|expert|specialist)s?
        \b(?!\ (?:on|in|from|of|at|for|to|into)\ my\b)
        # "an agent seat", "a person field": a thing of the product, not someone to talk to.
        (?!\ (?:licen[cs]es?|seats?|accounts?|roles?|limits?|plans?|views?|access|permissions?|fields?|records?|types?|profiles?|lists?)\b)
        | \bis\ there\ (?:someone|somebody|anyone|anybody)\b(?!\ (?:on|in|from|of|at|for|to|into)\ my\b)
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex Request();
}
