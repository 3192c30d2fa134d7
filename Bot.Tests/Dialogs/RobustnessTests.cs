using ChatBot.Dialogs;
using ChatBot.Dialogs.Prompts;
using ChatBot.Storage;
using Microsoft.Bot.Builder;

namespace ChatBot.Tests.Dialogs;

/// <summary>Stale stacks after a deployment restart politely; a throwing step apologizes once and leaves a clean stack.</summary>
public class RobustnessTests
{
    private static readonly DialogRunOptions Defaults = new();

    [Fact]
    public async Task A_stack_naming_a_dialog_that_no_longer_exists_restarts_politely()
    {
        var storage = new InMemoryStorage();
        await new DialogHarness(Root("root", "old-steps", "Old question?"), storage).Flow()
            .Send("hi").AssertReply("Old question?")
            .StartTestAsync();

        var logger = new ListLogger();
        var harness = new DialogHarness(Root("root", "new-steps", "New question?"), storage, options: new DialogRunOptions { Logger = logger });
        await harness.Flow()
            .Send("an answer to the old question").AssertReply(Defaults.RestartText).AssertReply("New question?")
            .Send("fine").AssertReply("done: fine")
            .StartTestAsync();
        Assert.IsType<DialogStateException>(Assert.Single(logger.Warnings));
        Assert.Empty(logger.Errors);
    }

    [Fact]
    public async Task A_renamed_root_dialog_restarts_politely()
    {
        var storage = new InMemoryStorage();
        await new DialogHarness(Root("qualify-v1", "steps", "Question?"), storage).Flow()
            .Send("hi").AssertReply("Question?")
            .StartTestAsync();
        var harness = new DialogHarness(Root("qualify-v2", "steps", "Question?"), storage);
        await harness.Flow()
            .Send("answer").AssertReply(Defaults.RestartText).AssertReply("Question?")
            .StartTestAsync();
        Assert.Equal(new[] { "qualify-v2" }, await harness.StoredStackAsync());
    }

    [Fact]
    public async Task Steps_that_moved_after_a_deployment_restart_instead_of_asking_the_wrong_question()
    {
        var storage = new InMemoryStorage();
        await new DialogHarness(Versioned(new WaterfallStep[] { AskNameAsync, AskEmailAsync, FinishAsync }), storage).Flow()
            .Send("hi").AssertReply("Name?")
            .StartTestAsync();

        // v2 asks for the company first: stored "step 0 = AskNameAsync" no longer matches.
        var harness = new DialogHarness(Versioned(new WaterfallStep[] { AskCompanyAsync, AskNameAsync, AskEmailAsync, FinishAsync }), storage);
        await harness.Flow()
            .Send("Ada").AssertReply(Defaults.RestartText).AssertReply("Company?")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_waterfall_that_lost_steps_restarts_politely()
    {
        var storage = new InMemoryStorage();
        await new DialogHarness(Versioned(new WaterfallStep[] { AskNameAsync, AskEmailAsync, FinishAsync }), storage).Flow()
            .Send("hi").AssertReply("Name?")
            .Send("Ada").AssertReply("Email?")
            .StartTestAsync();
        await new DialogHarness(Versioned(new WaterfallStep[] { AskNameAsync }), storage).Flow()
            .Send("ada@example.com").AssertReply(Defaults.RestartText).AssertReply("Name?")
            .StartTestAsync();
    }

    [Fact]
    public async Task Unchanged_steps_resume_normally_after_a_restart()
    {
        var storage = new InMemoryStorage();
        await new DialogHarness(Versioned(new WaterfallStep[] { AskNameAsync, AskEmailAsync, FinishAsync }), storage).Flow()
            .Send("hi").AssertReply("Name?")
            .StartTestAsync();
        await new DialogHarness(Versioned(new WaterfallStep[] { AskNameAsync, AskEmailAsync, FinishAsync }), storage).Flow()
            .Send("Ada").AssertReply("Email?")
            .Send("ada@example.com").AssertReply("done: ada@example.com")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_step_that_throws_is_logged_apologized_for_once_and_leaves_a_clean_stack()
    {
        var logger = new ListLogger();
        var harness = new DialogHarness(Throwing(), options: new DialogRunOptions { Logger = logger });
        await harness.Flow()
            .Send("hi").AssertReply("Name?")
            .Send("Ada").AssertReply("Email?")
            .Send("boom@example.com").AssertReply(Defaults.ApologyText).AssertNoReply("only one apology", 50)
            .StartTestAsync();
        Assert.Equal("CRM down", Assert.Single(logger.Errors)!.Message);
        Assert.Equal(DialogTurnStatus.Cancelled, harness.Results[^1].Status);
        Assert.Empty(await harness.StoredStackAsync());

        // The next message starts cleanly from the beginning.
        await harness.Flow()
            .Send("hello again").AssertReply("Name?")
            .Send("Ada").AssertReply("Email?")
            .Send("ok@example.com").AssertReply("done: Ada ok@example.com")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_step_that_throws_on_the_first_turn_apologizes_once()
    {
        var root = new WaterfallDialog("w", new WaterfallStep[] { (step, ct) => throw new InvalidOperationException("bad config") });
        var logger = new ListLogger();
        var harness = new DialogHarness(root, options: new DialogRunOptions { Logger = logger });
        await harness.Flow()
            .Send("hi").AssertReply(Defaults.ApologyText).AssertNoReply("only one apology", 50)
            .StartTestAsync();
        Assert.Single(logger.Errors);
        Assert.Empty(await harness.StoredStackAsync());
    }

    private static ComponentDialog Root(string rootId, string stepsId, string question)
    {
        var root = new ComponentDialog(rootId);
        root.AddDialog(new WaterfallDialog(stepsId, new WaterfallStep[]
        {
            (step, ct) => step.PromptAsync("text", new PromptOptions { Prompt = MessageFactory.Text(question) }, ct),
            (step, ct) => step.EndDialogAsync(step.Result, ct),
        }));
        root.AddDialog(new TextPrompt("text"));
        return root;
    }

    private static ComponentDialog Versioned(WaterfallStep[] steps)
    {
        var root = new ComponentDialog("versioned");
        root.AddDialog(new WaterfallDialog("steps", steps));
        root.AddDialog(new TextPrompt("text"));
        root.AddDialog(new EmailPrompt("email"));
        return root;
    }

    /// <summary>The email step's follow-up calls a failing "CRM" when the address is boom@...; nested one level down.</summary>
    private static ComponentDialog Throwing()
    {
        var inner = new ComponentDialog("inner");
        inner.AddDialog(new WaterfallDialog("innerSteps", new WaterfallStep[]
        {
            AskEmailAsync,
            (step, ct) => (step.Result as string)?.StartsWith("boom", StringComparison.Ordinal) == true
                ? throw new InvalidOperationException("CRM down")
                : step.EndDialogAsync(step.Result, ct),
        }));
        inner.AddDialog(new EmailPrompt("email"));

        var root = new ComponentDialog("outer");
        root.AddDialog(new WaterfallDialog("outerSteps", new WaterfallStep[]
        {
            AskNameAsync,
            (step, ct) =>
            {
                step.Values["name"] = step.Result!;
                return step.BeginDialogAsync("inner", null, ct);
            },
            (step, ct) => step.EndDialogAsync($"{step.Values["name"]} {step.Result}", ct),
        }));
        root.AddDialog(new TextPrompt("text"));
        root.AddDialog(inner);
        return root;
    }

    private static Task<DialogTurnResult> AskNameAsync(WaterfallStepContext step, CancellationToken ct) =>
        step.PromptAsync("text", new PromptOptions { Prompt = MessageFactory.Text("Name?") }, ct);

    private static Task<DialogTurnResult> AskCompanyAsync(WaterfallStepContext step, CancellationToken ct) =>
        step.PromptAsync("text", new PromptOptions { Prompt = MessageFactory.Text("Company?") }, ct);

    private static Task<DialogTurnResult> AskEmailAsync(WaterfallStepContext step, CancellationToken ct) =>
        step.PromptAsync("email", new PromptOptions { Prompt = MessageFactory.Text("Email?") }, ct);

    private static Task<DialogTurnResult> FinishAsync(WaterfallStepContext step, CancellationToken ct) =>
        step.EndDialogAsync(step.Result, ct);
}
