using ChatBot.Dialogs;
using ChatBot.Dialogs.Choices;
using ChatBot.Dialogs.Interruptions;
using ChatBot.Dialogs.Prompts;
using ChatBot.Dialogs.Samples;
using ChatBot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Data.Sqlite;

namespace ChatBot.Tests.Dialogs;

/// <summary>
/// The stack is plain data in ConversationState: a conversation saved by one adapter resumes in
/// another (a restart, or another instance) on the same storage, with every stored type intact.
/// </summary>
public sealed class PersistenceTests : IDisposable
{
    private readonly string _databaseFile = Path.Combine(Path.GetTempPath(), $"chatbot-dialogs-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(_databaseFile + suffix);
        }
    }

    public static TheoryData<string> Storages => new() { "memory", "sqlite" };

    private IStorage CreateStorage(string kind) => kind == "sqlite" ? new SqliteStorage(_databaseFile) : new InMemoryStorage();

    [Theory]
    [MemberData(nameof(Storages))]
    public async Task A_conversation_saved_by_one_adapter_resumes_in_a_new_one(string kind)
    {
        var storage = CreateStorage(kind);
        await new DialogHarness(new ContactMeDialog(), storage).Flow()
            .Send("hi").AssertReply(_ => { })
            .Send("Ada").AssertReply("Thanks, Ada. Which email address should we use?")
            .StartTestAsync();

        // A new process: new dialog objects, adapter and ConversationState; only the storage is shared.
        var resumed = new DialogHarness(new ContactMeDialog(), kind == "sqlite" ? new SqliteStorage(_databaseFile) : storage);
        Assert.Equal(new[] { nameof(ContactMeDialog) }, await resumed.StoredStackAsync());
        await resumed.Flow()
            .Send("ada@example.com").AssertReply(a => Assert.StartsWith("What would you like to talk about?", ((IMessageActivity)a).Text))
            .Send("pricing").AssertReply("Thanks Ada, someone from Larkspur will contact you at ada@example.com about pricing.")
            .AssertReply("done: Ada|ada@example.com|Pricing")
            .StartTestAsync();
    }

    [Theory]
    [MemberData(nameof(Storages))]
    public async Task Nested_dialogs_options_and_ambiguity_state_survive_a_restart(string kind)
    {
        var storage = CreateStorage(kind);
        await new DialogHarness(BuildNested(), storage).Flow()
            .Send("hi").AssertReply("Thanks, Ada. Which email address should we use?")
            .Send("not an address").AssertReply(_ => { })
            .Send("ada@example.com").AssertReply(_ => { })
            .StartTestAsync();
        var resumed = new DialogHarness(BuildNested(), kind == "sqlite" ? new SqliteStorage(_databaseFile) : storage);
        Assert.Equal(new[] { "shell" }, await resumed.StoredStackAsync());
        await resumed.Flow()
            .Send("help").AssertReply(new InterruptionOptions().HelpText).AssertReply(a => Assert.StartsWith("What would you like", ((IMessageActivity)a).Text))
            .Send("3").AssertReply(_ => { })
            .AssertReply("done: contact Ada|ada@example.com|Support")
            .StartTestAsync();
    }

    [Theory]
    [MemberData(nameof(Storages))]
    public async Task Ambiguous_candidates_survive_a_restart(string kind)
    {
        var storage = CreateStorage(kind);
        var choices = new List<Choice> { new("Starter"), new("Pro Monthly"), new("Pro Annual") };
        Dialog Build() => DialogHarness.OnePrompt(new ChoicePrompt("choice"), new PromptOptions { Prompt = MessageFactory.Text("Plan?"), Choices = choices });
        await new DialogHarness(Build(), storage).Flow()
            .Send("hi").AssertReply(_ => { })
            .Send("pro").AssertReply("Sorry, which one did you mean?\n\n1. Pro Monthly\n2. Pro Annual")
            .StartTestAsync();
        await new DialogHarness(Build(), kind == "sqlite" ? new SqliteStorage(_databaseFile) : storage).Flow()
            .Send("the first one").AssertReply("done: Pro Monthly#1")
            .StartTestAsync();
    }

    [Fact]
    public void Every_stored_type_round_trips_through_the_storage_json()
    {
        var state = new DialogState();
        state.DialogStack.Add(new DialogInstance
        {
            Id = "prompt",
            State = new Dictionary<string, object>
            {
                ["options"] = new PromptOptions
                {
                    Prompt = MessageFactory.Text("Plan?"),
                    Choices = new List<Choice> { new("Pro", "professional") },
                    Style = ListStyle.List,
                    MaxAttempts = 2,
                },
                ["state"] = new Dictionary<string, object> { ["attemptCount"] = 1, ["candidates"] = new List<int> { 0, 2 } },
            },
        });
        state.DialogStack.Add(new DialogInstance
        {
            Id = "component",
            State = new Dictionary<string, object>
            {
                ["dialogs"] = new DialogState(),
                ["values"] = new Dictionary<string, object>
                {
                    ["choice"] = new FoundChoice { Value = "Pro", Index = 1, Score = 0.7, Synonym = "pro" },
                    ["number"] = new NumberResult { Min = 10, Max = 50, Approximate = true },
                    ["exhausted"] = new PromptExhaustedResult { PromptId = "email", Attempts = 3 },
                    ["handoff"] = new HandoffRequested { DialogId = "qualify" },
                    ["request"] = new ContactRequest { Name = "Ada" },
                    ["flag"] = true,
                },
            },
        });

        var back = (DialogState)StoreItemJson.Deserialize(StoreItemJson.Serialize(state, null));

        var prompt = back.DialogStack[0].State;
        var options = Assert.IsType<PromptOptions>(prompt["options"]);
        Assert.Equal("Plan?", options.Prompt!.Text);
        Assert.Equal("professional", Assert.Single(options.Choices!).Synonyms![0]);
        Assert.Equal(ListStyle.List, options.Style);
        var promptState = Assert.IsAssignableFrom<IDictionary<string, object>>(prompt["state"]);
        Assert.Equal(1, Convert.ToInt32(promptState["attemptCount"]));
        Assert.Equal(new[] { 0, 2 }, Assert.IsType<List<int>>(promptState["candidates"]));

        var component = back.DialogStack[1].State;
        Assert.IsType<DialogState>(component["dialogs"]);
        var values = Assert.IsAssignableFrom<IDictionary<string, object>>(component["values"]);
        Assert.Equal(0.7, Assert.IsType<FoundChoice>(values["choice"]).Score);
        var number = Assert.IsType<NumberResult>(values["number"]);
        Assert.Equal((10d, 50d, true), (number.Min!.Value, number.Max!.Value, number.Approximate));
        Assert.Equal(3, Assert.IsType<PromptExhaustedResult>(values["exhausted"]).Attempts);
        Assert.Equal("qualify", Assert.IsType<HandoffRequested>(values["handoff"]).DialogId);
        Assert.Equal("Ada", Assert.IsType<ContactRequest>(values["request"]).Name);
        Assert.Equal(true, values["flag"]);
    }

    /// <summary>shell → ContactMeDialog started with options (the known name), then a summary step.</summary>
    private static ComponentDialog BuildNested()
    {
        var shell = new ComponentDialog("shell");
        shell.AddDialog(new WaterfallDialog("shellSteps", new WaterfallStep[]
        {
            (step, ct) => step.BeginDialogAsync(nameof(ContactMeDialog), new ContactRequest { Name = "Ada" }, ct),
            (step, ct) => step.EndDialogAsync("contact " + DialogHarness.Describe(step.Result), ct),
        }));
        shell.AddDialog(new ContactMeDialog());
        return shell;
    }
}
