using ChatBot.Dialogs;
using ChatBot.Dialogs.Prompts;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ChatBot.Tests.Dialogs;

/// <summary>Waterfall mechanics: steps, values, options down, results up, nesting, NextAsync, replace, cancel.</summary>
public class WaterfallTests
{
    [Fact]
    public async Task Steps_run_in_order_and_values_survive_between_turns()
    {
        var root = new ComponentDialog("root");
        root.AddDialog(new WaterfallDialog("w", new WaterfallStep[]
        {
            (step, ct) => step.PromptAsync("text", new PromptOptions { Prompt = MessageFactory.Text("First name?") }, ct),
            (step, ct) =>
            {
                step.Values["first"] = step.Result!;
                return step.PromptAsync("text", new PromptOptions { Prompt = MessageFactory.Text("Last name?") }, ct);
            },
            (step, ct) => step.EndDialogAsync($"{step.Values["first"]} {step.Result} (step {step.Index})", ct),
        }));
        root.AddDialog(new TextPrompt("text"));
        var harness = new DialogHarness(root);
        await harness.Flow()
            .Send("hi").AssertReply("First name?")
            .Send("Ada").AssertReply("Last name?")
            .Send("Lovelace").AssertReply("done: Ada Lovelace (step 2)")
            .StartTestAsync();
        Assert.Equal(DialogTurnStatus.Complete, harness.Results[^1].Status);
        Assert.Empty(await harness.StoredStackAsync());
    }

    [Fact]
    public async Task Options_flow_down_to_a_child_and_its_result_flows_back_to_the_parent_step()
    {
        var root = new ComponentDialog("root");
        root.AddDialog(new WaterfallDialog("parent", new WaterfallStep[]
        {
            (step, ct) => step.BeginDialogAsync("child", new Greeting { Name = "Ada" }, ct),
            async (step, ct) =>
            {
                Assert.Equal(DialogReason.EndCalled, step.Reason);
                await step.Context.SendActivityAsync($"child said {DialogHarness.Describe(step.Result)}", cancellationToken: ct);
                return await step.EndDialogAsync("parent done", ct);
            },
        }));
        root.AddDialog(new WaterfallDialog("child", new WaterfallStep[]
        {
            (step, ct) => step.PromptAsync("confirm", new PromptOptions
            {
                Prompt = MessageFactory.Text($"Hello {((Greeting)step.Options!).Name}, ready?"),
            }, ct),
            (step, ct) => step.EndDialogAsync(step.Result, ct),
        }));
        root.AddDialog(new ConfirmPrompt("confirm") { Style = ChatBot.Dialogs.Choices.ListStyle.None });
        var harness = new DialogHarness(root);
        await harness.Flow()
            .Send("hi").AssertReply("Hello Ada, ready?")
            .Send("yes").AssertReply("child said yes").AssertReply("done: parent done")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_step_that_skips_its_prompt_with_NextAsync_stops_at_the_next_steps_prompt()
    {
        var steps = new List<int>();
        var root = new ComponentDialog("root");
        root.AddDialog(new WaterfallDialog("w", new WaterfallStep[]
        {
            (step, ct) => { steps.Add(step.Index); return step.NextAsync("known", ct); },
            (step, ct) =>
            {
                steps.Add(step.Index);
                Assert.Equal(DialogReason.NextCalled, step.Reason);
                Assert.Equal("known", step.Result);
                return step.PromptAsync("text", new PromptOptions { Prompt = MessageFactory.Text("Which company?") }, ct);
            },
            (step, ct) => { steps.Add(step.Index); return step.EndDialogAsync(step.Result, ct); },
        }));
        root.AddDialog(new TextPrompt("text"));
        var harness = new DialogHarness(root);
        await harness.Flow()
            .Send("hi").AssertReply("Which company?").AssertNoReply("no more replies", 50)
            .StartTestAsync();
        Assert.Equal(new[] { 0, 1 }, steps);
        Assert.Equal(DialogTurnStatus.Waiting, harness.Results[^1].Status);
        Assert.Equal(new[] { "root" }, await harness.StoredStackAsync());

        await harness.Flow().Send("Larkspur").AssertReply("done: Larkspur").StartTestAsync();
        Assert.Equal(new[] { 0, 1, 2 }, steps);
    }

    [Fact]
    public async Task NextAsync_inside_a_nested_child_then_prompt_waits_there()
    {
        var root = new ComponentDialog("root");
        root.AddDialog(new WaterfallDialog("outer", new WaterfallStep[]
        {
            (step, ct) => step.BeginDialogAsync("inner", null, ct),
            (step, ct) => step.EndDialogAsync($"inner returned {step.Result}", ct),
        }));
        root.AddDialog(new WaterfallDialog("inner", new WaterfallStep[]
        {
            (step, ct) => step.NextAsync(null, ct),
            (step, ct) => step.PromptAsync("text", new PromptOptions { Prompt = MessageFactory.Text("Your role?") }, ct),
            (step, ct) => step.NextAsync(step.Result, ct),
        }));
        root.AddDialog(new TextPrompt("text"));
        var harness = new DialogHarness(root);
        await harness.Flow()
            .Send("hi").AssertReply("Your role?").AssertNoReply("no more replies", 50)
            .Send("CTO").AssertReply("done: inner returned CTO")
            .StartTestAsync();
    }

    [Fact]
    public async Task NextAsync_twice_in_one_step_is_refused()
    {
        var root = new WaterfallDialog("w", new WaterfallStep[]
        {
            async (step, ct) =>
            {
                await step.NextAsync(null, ct);
                return await step.NextAsync(null, ct);
            },
            (step, ct) => Task.FromResult(Dialog.EndOfTurn),
        });
        var logger = new ListLogger();
        var harness = new DialogHarness(root, options: new DialogRunOptions { Logger = logger });
        await harness.Flow().Send("hi").AssertReply(new DialogRunOptions().ApologyText).StartTestAsync();
        Assert.IsType<InvalidOperationException>(Assert.Single(logger.Errors));
    }

    [Fact]
    public async Task Nested_component_dialogs_return_results_to_the_outer_waterfall()
    {
        var inner = new ComponentDialog("innerComponent");
        inner.AddDialog(new WaterfallDialog("innerSteps", new WaterfallStep[]
        {
            (step, ct) => step.PromptAsync("number", new PromptOptions { Prompt = MessageFactory.Text("How many seats?") }, ct),
            (step, ct) => step.EndDialogAsync(step.Result, ct),
        }));
        inner.AddDialog(new NumberPrompt("number"));

        var root = new ComponentDialog("root");
        root.AddDialog(new WaterfallDialog("outerSteps", new WaterfallStep[]
        {
            (step, ct) => step.BeginDialogAsync("innerComponent", null, ct),
            (step, ct) => step.EndDialogAsync($"seats {DialogHarness.Describe(step.Result)}", ct),
        }));
        root.AddDialog(inner);
        var harness = new DialogHarness(root);
        await harness.Flow()
            .Send("hi").AssertReply("How many seats?")
            .Send("about 40").AssertReply("done: seats ~40")
            .StartTestAsync();
    }

    [Fact]
    public async Task ReplaceDialogAsync_loops_without_growing_the_stack()
    {
        var root = new ComponentDialog("root");
        root.AddDialog(new WaterfallDialog("loop", new WaterfallStep[]
        {
            (step, ct) => step.PromptAsync("text", new PromptOptions { Prompt = MessageFactory.Text($"Item {((List<string>?)step.Options)?.Count + 1 ?? 1}?") }, ct),
            (step, ct) =>
            {
                var items = (step.Options as List<string>) ?? new List<string>();
                items.Add((string)step.Result!);
                return items.Count < 3 ? step.ReplaceDialogAsync("loop", items, ct) : step.EndDialogAsync(string.Join(",", items), ct);
            },
        }));
        root.AddDialog(new TextPrompt("text"));
        var harness = new DialogHarness(root);
        await harness.Flow()
            .Send("hi").AssertReply("Item 1?")
            .Send("a").AssertReply("Item 2?")
            .Send("b").AssertReply("Item 3?")
            .Send("c").AssertReply("done: a,b,c")
            .StartTestAsync();
    }

    [Fact]
    public async Task CancelAllDialogsAsync_at_the_root_ends_with_Cancelled()
    {
        var ended = new List<DialogReason>();
        // A root waterfall can wait without a prompt: the user's next text becomes the next step's Result.
        var root = new TrackingWaterfall("w", ended, new WaterfallStep[]
        {
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync("Go?", cancellationToken: ct);
                return Dialog.EndOfTurn;
            },
            (step, ct) => step.CancelAllDialogsAsync(ct),
        });
        var harness = new DialogHarness(root);
        await harness.Flow()
            .Send("hi").AssertReply("Go?")
            .Send("stop").AssertNoReply("no more replies", 50)
            .StartTestAsync();
        Assert.Equal(DialogTurnStatus.Cancelled, harness.Results[^1].Status);
        Assert.Equal(new[] { DialogReason.CancelCalled }, ended);
        Assert.Empty(await harness.StoredStackAsync());
    }

    [Fact]
    public async Task CancelAllDialogsAsync_inside_a_component_cancels_its_inner_stack_and_ends_it()
    {
        var ended = new List<DialogReason>();
        var root = new ComponentDialog("root");
        root.AddDialog(new TrackingWaterfall("outer", ended, new WaterfallStep[]
        {
            (step, ct) => step.BeginDialogAsync("inner", null, ct),
            (step, ct) => step.EndDialogAsync("not reached", ct),
        }));
        root.AddDialog(new TrackingWaterfall("inner", ended, new WaterfallStep[]
        {
            (step, ct) => step.PromptAsync("text", new PromptOptions { Prompt = MessageFactory.Text("Go?") }, ct),
            (step, ct) => step.CancelAllDialogsAsync(ct),
        }));
        root.AddDialog(new TextPrompt("text"));
        var harness = new DialogHarness(root);
        await harness.Flow()
            .Send("hi").AssertReply("Go?")
            .Send("stop").AssertReply("done: null")
            .StartTestAsync();
        Assert.Equal(new[] { DialogReason.CancelCalled, DialogReason.CancelCalled }, ended);
        Assert.Empty(await harness.StoredStackAsync());
    }

    [Fact]
    public async Task Activities_other_than_messages_do_not_move_a_prompt_on()
    {
        var harness = new DialogHarness(DialogHarness.OnePrompt(new TextPrompt("text"), new PromptOptions { Prompt = MessageFactory.Text("Name?") }));
        await harness.Flow()
            .Send("hi").AssertReply("Name?")
            .Send(new Activity { Type = ActivityTypes.Typing })
            .Send("Ada").AssertReply("done: Ada")
            .StartTestAsync();
    }

    [Fact]
    public async Task The_waterfall_ends_with_the_last_steps_result_when_it_runs_out_of_steps()
    {
        var root = new WaterfallDialog("w", new WaterfallStep[]
        {
            (step, ct) => step.NextAsync(41, ct),
            (step, ct) => step.NextAsync((int)step.Result! + 1, ct),
        });
        var harness = new DialogHarness(root);
        await harness.Flow().Send("hi").AssertReply("done: 42").StartTestAsync();
    }

    public sealed class Greeting
    {
        public string? Name { get; set; }
    }

    /// <summary>Records why its instances end.</summary>
    private sealed class TrackingWaterfall(string id, List<DialogReason> ended, IEnumerable<WaterfallStep> steps) : WaterfallDialog(id, steps)
    {
        public override Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken = default)
        {
            ended.Add(reason);
            return base.EndDialogAsync(turnContext, instance, reason, cancellationToken);
        }
    }
}
