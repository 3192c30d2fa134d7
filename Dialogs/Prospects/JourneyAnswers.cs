using ChatBot.Dialogs.Faq;
using Microsoft.Bot.Builder;

namespace ChatBot.Dialogs.Prospects;

/// <summary>
/// Sends a knowledge-base answer the one way every dialog does: the Markdown answer, faq.answered, and a note of
/// what was answered when (so the same answer is not sent again back to back).
/// </summary>
public sealed class JourneyAnswers(JourneyState state, JourneyEvents events)
{
    public async Task SendAsync(ITurnContext turnContext, FaqEntry entry, double? score, CancellationToken cancellationToken)
    {
        await turnContext.SendActivityAsync(JourneyTexts.Answer(entry.Answer), cancellationToken);
        await events.FaqAnsweredAsync(turnContext, entry.Id, score, cancellationToken);
        await state.RememberAnswerAsync(turnContext, entry.Id, cancellationToken);
    }

    /// <summary>True when <paramref name="entryId"/> was the answer just given (see <see cref="JourneyState.RepeatWindow"/>).</summary>
    public Task<bool> JustSentAsync(ITurnContext turnContext, string entryId, CancellationToken cancellationToken) =>
        state.JustAnsweredAsync(turnContext, entryId, cancellationToken);
}
