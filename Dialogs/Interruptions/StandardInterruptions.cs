using ChatBot.Dialogs.Recognizers;
using Microsoft.Bot.Builder;

namespace ChatBot.Dialogs.Interruptions;

/// <summary>
/// The interruptions every prospect dialog shares: "help" (explain, then ask the current question
/// again), "cancel" / "start over" (restart the component) and "talk to a person" (end the component
/// with <see cref="HandoffRequested"/> for the bot to act on). Add it to a component's Interruptions.
/// </summary>
public class StandardInterruptions : IDialogInterruption
{
    private readonly InterruptionOptions _options;

    /// <summary>
    /// The configured phrases, normalized once: every message is checked against all of them (several times per
    /// turn), and normalizing each phrase again per check was about 1% of the bot's busy time. Only configured
    /// phrases are kept (a bounded set), never a visitor's text.
    /// </summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> NormalizedPhrases = new(StringComparer.Ordinal);

    private static string Phrase(string phrase) => NormalizedPhrases.GetOrAdd(phrase, TextNormalizer.Normalize);

    public StandardInterruptions(InterruptionOptions? options = null)
    {
        _options = options ?? new InterruptionOptions();
    }

    public async Task<InterruptionResult> InterruptAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        var raw = innerDc.Context.Activity.Text;
        var text = TextNormalizer.Normalize(raw);
        if (text.Length == 0)
        {
            // "?" alone normalizes to nothing.
            return raw?.Trim() == "?" && _options.HelpPhrases.Contains("?")
                ? await HelpAsync(innerDc.Context, cancellationToken)
                : InterruptionResult.NotHandled;
        }

        // A button the visitor tapped is an answer, even if its words look like a command
        // ("Help desk", "Talk to sales" offered as choices).
        if (IsOfferedChoice(innerDc, text))
        {
            return InterruptionResult.NotHandled;
        }

        if (IsHandoff(text))
        {
            if (_options.HandoffText != null)
            {
                await innerDc.Context.SendActivityAsync(_options.HandoffText, cancellationToken: cancellationToken);
            }
            return InterruptionResult.End(new HandoffRequested { DialogId = innerDc.Parent?.ActiveDialog?.Id });
        }
        if (Matches(_options.RestartPhrases, text))
        {
            await innerDc.Context.SendActivityAsync(_options.RestartText, cancellationToken: cancellationToken);
            return InterruptionResult.Restart;
        }
        if (Matches(_options.HelpPhrases, text))
        {
            return await HelpAsync(innerDc.Context, cancellationToken);
        }
        return InterruptionResult.NotHandled;
    }

    /// <summary>
    /// True when <paramref name="message"/> asks for a human, with the same phrases the interruption uses: for
    /// code that classifies a message outside a prompt (the bot's first look at a new message).
    /// </summary>
    public bool IsHandoffRequest(string? message)
    {
        var text = TextNormalizer.Normalize(message);
        return text.Length > 0 && IsHandoff(text);
    }

    /// <summary>True when <paramref name="message"/> is one of the restart phrases ("start over", "cancel"...).</summary>
    public bool IsRestartRequest(string? message) => Matches(_options.RestartPhrases, TextNormalizer.Normalize(message));

    /// <summary>True when <paramref name="message"/> is one of the help phrases ("help", "?", "what can I say"...).</summary>
    public bool IsHelpRequest(string? message)
    {
        var text = TextNormalizer.Normalize(message);
        return text.Length == 0
            ? message?.Trim() == "?" && _options.HelpPhrases.Contains("?")
            : Matches(_options.HelpPhrases, text);
    }

    private async Task<InterruptionResult> HelpAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        await turnContext.SendActivityAsync(_options.HelpText, cancellationToken: cancellationToken);
        return InterruptionResult.Reprompt;
    }

    private static bool IsOfferedChoice(DialogContext innerDc, string text)
    {
        var choices = innerDc.GetActivePromptOptions()?.Choices;
        return choices != null && choices.Any(c =>
            new[] { c.Value, c.Action?.Title }.Concat(c.Synonyms ?? Enumerable.Empty<string>())
                .Any(v => v != null && TextNormalizer.Normalize(v) == text));
    }

    private bool IsHandoff(string text)
    {
        return _options.HandoffWords.Any(w => Phrase(w) == text)
            || _options.HandoffPhrases.Any(p => HumanRequestRecognizer.ContainsRequestPhrase(text, Phrase(p)))
            || HumanRequestRecognizer.IsMatch(text);
    }

    // Whole-answer match, allowing a polite frame: "cancel please", "can we start over".
    private static bool Matches(IEnumerable<string> phrases, string text)
    {
        var stripped = " " + text + " ";
        foreach (var frame in new[] { " please ", " pls ", " can we ", " can i ", " let's ", " lets ", " i want to ", " i'd like to ", " just " })
        {
            stripped = stripped.Replace(frame, " ", StringComparison.Ordinal);
        }
        stripped = stripped.Trim();
        return phrases.Any(p => Phrase(p) is { Length: > 0 } phrase && (phrase == text || phrase == stripped));
    }
}
