using Microsoft.Bot.Builder;

namespace ChatBot.Dialogs.Prospects;

/// <summary>
/// The journey's state properties: the dialog stack and the <see cref="ConversationFlags"/> in ConversationState,
/// the <see cref="VisitorProfile"/> in UserState. The bot saves both once at the end of the turn.
/// </summary>
public sealed class JourneyState
{
    /// <summary>An entry answered this many visitor messages ago or less is "just answered": not sent again.</summary>
    public const int RepeatWindow = 2;

    public JourneyState(ConversationState conversationState, UserState userState)
    {
        DialogState = conversationState.CreateProperty<DialogState>("DialogState");
        Flags = conversationState.CreateProperty<ConversationFlags>("JourneyFlags");
        Profile = userState.CreateProperty<VisitorProfile>("VisitorProfile");
    }

    public IStatePropertyAccessor<DialogState> DialogState { get; }

    public IStatePropertyAccessor<ConversationFlags> Flags { get; }

    public IStatePropertyAccessor<VisitorProfile> Profile { get; }

    public Task<ConversationFlags> GetFlagsAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        Flags.GetAsync(turnContext, () => new ConversationFlags(), cancellationToken);

    /// <summary>The visitor's profile; a fresh, unsaved one when the activity names no user (UserState needs one).</summary>
    public Task<VisitorProfile> GetProfileAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(turnContext.Activity.From?.Id)
            ? Task.FromResult(new VisitorProfile())
            : Profile.GetAsync(turnContext, () => new VisitorProfile(), cancellationToken);

    /// <summary>Notes that <paramref name="entryId"/> was answered at this message.</summary>
    public async Task RememberAnswerAsync(ITurnContext turnContext, string entryId, CancellationToken cancellationToken)
    {
        var flags = await GetFlagsAsync(turnContext, cancellationToken);
        flags.LastAnswerEntryId = entryId;
        flags.LastAnswerMessage = flags.Messages;
    }

    /// <summary>True when the bot's last answer was <paramref name="entryId"/>, within <see cref="RepeatWindow"/> visitor messages.</summary>
    public async Task<bool> JustAnsweredAsync(ITurnContext turnContext, string entryId, CancellationToken cancellationToken)
    {
        var flags = await GetFlagsAsync(turnContext, cancellationToken);
        return flags.LastAnswerEntryId == entryId && flags.Messages - flags.LastAnswerMessage <= RepeatWindow;
    }
}
