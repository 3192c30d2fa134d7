using System.Globalization;
using ChatBot.Dialogs;
using ChatBot.Dialogs.Choices;
using ChatBot.Dialogs.Interruptions;
using ChatBot.Dialogs.Prompts;
using ChatBot.Dialogs.Samples;
using ChatBot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;

namespace ChatBot.Tests.Dialogs;

/// <summary>
/// A bot that runs one dialog per turn the way MainBot will: RunAsync, then save ConversationState.
/// When the dialog completes, the bot says "done: &lt;result&gt;" so TestFlow can assert what it ended with.
/// </summary>
internal sealed class DialogHarness
{
    private readonly Dialog _dialog;
    private readonly ConversationState _conversationState;
    private readonly IStatePropertyAccessor<DialogState> _accessor;

    public DialogHarness(Dialog dialog, IStorage? storage = null, string channelId = "test", DialogRunOptions? options = null)
    {
        _dialog = dialog;
        Storage = storage ?? new InMemoryStorage();
        _conversationState = new ConversationState(Storage);
        _accessor = _conversationState.CreateProperty<DialogState>("DialogState");
        Options = options;
        Adapter = new TestAdapter(channelId);
    }

    public IStorage Storage { get; }

    public TestAdapter Adapter { get; }

    public DialogRunOptions? Options { get; }

    public List<DialogTurnResult> Results { get; } = new();

    public TestFlow Flow() => new(Adapter, TurnAsync);

    public async Task TurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var result = await _dialog.RunAsync(turnContext, _accessor, Options, cancellationToken);
        Results.Add(result);
        if (result.Status == DialogTurnStatus.Complete)
        {
            await turnContext.SendActivityAsync("done: " + Describe(result.Result), cancellationToken: cancellationToken);
        }
        await _conversationState.SaveChangesAsync(turnContext, false, cancellationToken);
    }

    /// <summary>The stored stack's dialog ids, top first (reads storage, not the turn cache).</summary>
    public async Task<List<string>> StoredStackAsync()
    {
        var key = $"{Adapter.Conversation.ChannelId}/conversations/{Adapter.Conversation.Conversation.Id}";
        var items = await Storage.ReadAsync(new[] { key });
        if (!items.TryGetValue(key, out var item) || item is not IDictionary<string, object> state
            || !state.TryGetValue("DialogState", out var value) || value is not DialogState dialogState)
        {
            return new List<string>();
        }
        return dialogState.DialogStack.Select(i => i.Id).ToList();
    }

    public static string Describe(object? result) => result switch
    {
        null => "null",
        FoundChoice choice => $"{choice.Value}#{choice.Index}",
        bool b => b ? "yes" : "no",
        NumberResult number => number.ToString(),
        PromptExhaustedResult exhausted => $"exhausted after {exhausted.Attempts}",
        HandoffRequested handoff => $"handoff from {handoff.DialogId}",
        ContactRequest contact => $"{contact.Name}|{contact.Email ?? "-"}|{contact.Topic ?? "-"}",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => result.ToString() ?? "?",
    };

    /// <summary>A root dialog that asks one prompt and ends with its result.</summary>
    public static ComponentDialog OnePrompt(Dialog prompt, PromptOptions options)
    {
        var root = new ComponentDialog("root");
        root.AddDialog(new WaterfallDialog("ask", new WaterfallStep[]
        {
            (step, ct) => step.PromptAsync(prompt.Id, options, ct),
            (step, ct) => step.EndDialogAsync(step.Result, ct),
        }));
        root.AddDialog(prompt);
        return root;
    }
}
