using ChatBot.Dialogs;
using ChatBot.Dialogs.Choices;
using ChatBot.Dialogs.Interruptions;
using ChatBot.Dialogs.Prompts;
using Microsoft.Bot.Builder;

namespace ChatBot.Tests.Dialogs;

/// <summary>"help", "cancel/start over" and "talk to a person" at each depth of nested component dialogs.</summary>
public class InterruptionTests
{
    private static readonly InterruptionOptions Texts = new();

    [Theory]
    [InlineData("Can I talk to a person?", true, false, false)]
    [InlineData("real person please", true, false, false)]
    [InlineData("agent", true, false, false)]
    [InlineData("start over", false, true, false)]
    [InlineData("can we start over please", false, true, false)]
    [InlineData("help", false, false, true)]
    [InlineData("?", false, false, true)]
    [InlineData("How do I get help with my portal?", false, false, false)]
    [InlineData("", false, false, false)]
    [InlineData(null, false, false, false)]
    public void The_phrase_checks_outside_a_prompt_use_the_same_phrases(string? message, bool handoff, bool restart, bool help)
    {
        var interruptions = new StandardInterruptions(Texts);
        Assert.Equal(handoff, interruptions.IsHandoffRequest(message));
        Assert.Equal(restart, interruptions.IsRestartRequest(message));
        Assert.Equal(help, interruptions.IsHelpRequest(message));
    }

    [Theory]
    [InlineData("I need a person please")]
    [InlineData("I'd like a person too")]
    [InlineData("can I speak to someone?")]
    [InlineData("Could I get a real person")]
    [InlineData("get me a human")]
    [InlineData("connect me with an agent")]
    [InlineData("transfer me to a representative")]
    [InlineData("Is there someone I can talk to?")]
    [InlineData("I want to talk to someone from sales")]
    [InlineData("I would like to speak with one of your experts about pricing")]
    public void A_request_for_a_person_in_a_sentence_is_heard(string message) =>
        Assert.True(new StandardInterruptions(Texts).IsHandoffRequest(message), message);

    [Theory]
    [InlineData("I want to add a person to my portal")]
    [InlineData("Can I get someone on my team access to reports?")]
    [InlineData("how do I give a user admin rights")]
    [InlineData("I need help with my import")]
    [InlineData("is there a limit on contacts?")]
    [InlineData("How many people can use the free plan?")]
    [InlineData("I need someone in my team to approve deals")]
    [InlineData("Can I get an agent license for my help desk?")]
    [InlineData("is there a person field on deals?")]
    [InlineData("how do I chat with someone on my team")]
    public void Someone_of_the_visitors_own_or_no_person_at_all_is_not_a_request(string message) =>
        Assert.False(new StandardInterruptions(Texts).IsHandoffRequest(message), message);

    /// <summary>qualify (standard interruptions) → name prompt, then details (own "skip" handler) → confirm, number.</summary>
    private static ComponentDialog BuildQualify(int? maxAttempts = null)
    {
        var details = new ComponentDialog("details");
        details.AddDialog(new WaterfallDialog("detailSteps", new WaterfallStep[]
        {
            (step, ct) => step.PromptAsync("confirm", new PromptOptions { Prompt = MessageFactory.Text("Are you the decision maker?"), MaxAttempts = maxAttempts }, ct),
            (step, ct) =>
            {
                step.Values["decides"] = step.Result!;
                return step.PromptAsync("number", new PromptOptions { Prompt = MessageFactory.Text("Team size?") }, ct);
            },
            (step, ct) => step.EndDialogAsync($"{DialogHarness.Describe(step.Values["decides"])} {DialogHarness.Describe(step.Result)}", ct),
        }));
        details.AddDialog(new ConfirmPrompt("confirm") { Style = ListStyle.None });
        details.AddDialog(new NumberPrompt("number"));
        details.Interruptions.Add(new SkipInterruption());

        var qualify = new ComponentDialog("qualify");
        qualify.AddDialog(new WaterfallDialog("qualifySteps", new WaterfallStep[]
        {
            (step, ct) => step.PromptAsync("text", new PromptOptions { Prompt = MessageFactory.Text("Your name?") }, ct),
            (step, ct) =>
            {
                step.Values["name"] = step.Result!;
                return step.BeginDialogAsync("details", null, ct);
            },
            (step, ct) => step.EndDialogAsync($"{step.Values["name"]}: {DialogHarness.Describe(step.Result)}", ct),
        }));
        qualify.AddDialog(new TextPrompt("text"));
        qualify.AddDialog(details);
        qualify.Interruptions.Add(new StandardInterruptions());
        return qualify;
    }

    [Fact]
    public async Task Without_interruptions_the_flow_completes()
    {
        await new DialogHarness(BuildQualify()).Flow()
            .Send("hi").AssertReply("Your name?")
            .Send("Ada").AssertReply("Are you the decision maker?")
            .Send("yes").AssertReply("Team size?")
            .Send("12").AssertReply("done: Ada: yes 12")
            .StartTestAsync();
    }

    [Fact]
    public async Task Help_at_depth_one_explains_and_asks_the_same_question_again()
    {
        await new DialogHarness(BuildQualify()).Flow()
            .Send("hi").AssertReply("Your name?")
            .Send("help").AssertReply(Texts.HelpText).AssertReply("Your name?")
            .Send("Ada").AssertReply("Are you the decision maker?")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("Help!")]
    [InlineData("?")]
    [InlineData("what can I say")]
    public async Task Help_at_depth_two_reprompts_the_inner_prompt(string help)
    {
        await new DialogHarness(BuildQualify()).Flow()
            .Send("hi").AssertReply("Your name?")
            .Send("Ada").AssertReply("Are you the decision maker?")
            .Send(help).AssertReply(Texts.HelpText).AssertReply("Are you the decision maker?")
            .Send("no").AssertReply("Team size?")
            .Send("help").AssertReply(Texts.HelpText).AssertReply("Team size?")
            .Send("5").AssertReply("done: Ada: no 5")
            .StartTestAsync();
    }

    [Fact]
    public async Task Help_does_not_use_up_an_attempt()
    {
        await new DialogHarness(BuildQualify(maxAttempts: 1)).Flow()
            .Send("hi").AssertReply("Your name?")
            .Send("Ada").AssertReply("Are you the decision maker?")
            .Send("help").AssertReply(Texts.HelpText).AssertReply("Are you the decision maker?")
            .Send("help").AssertReply(Texts.HelpText).AssertReply("Are you the decision maker?")
            .Send("yes").AssertReply("Team size?")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("cancel")]
    [InlineData("start over")]
    [InlineData("Can we start over please?")]
    public async Task Cancel_at_depth_one_restarts(string cancel)
    {
        await new DialogHarness(BuildQualify()).Flow()
            .Send("hi").AssertReply("Your name?")
            .Send(cancel).AssertReply(Texts.RestartText).AssertReply("Your name?")
            .Send("Ada").AssertReply("Are you the decision maker?")
            .StartTestAsync();
    }

    [Fact]
    public async Task Cancel_at_depth_two_restarts_from_the_top_and_the_flow_still_completes()
    {
        var harness = new DialogHarness(BuildQualify());
        await harness.Flow()
            .Send("hi").AssertReply("Your name?")
            .Send("Ada").AssertReply("Are you the decision maker?")
            .Send("yes").AssertReply("Team size?")
            .Send("start over").AssertReply(Texts.RestartText).AssertReply("Your name?")
            .StartTestAsync();
        Assert.Equal(new[] { "qualify" }, await harness.StoredStackAsync());
        await harness.Flow()
            .Send("Grace").AssertReply("Are you the decision maker?")
            .Send("nope").AssertReply("Team size?")
            .Send("about 30").AssertReply("done: Grace: no ~30")
            .StartTestAsync();
    }

    [Fact]
    public async Task Talk_to_a_person_at_depth_one_ends_with_HandoffRequested()
    {
        var harness = new DialogHarness(BuildQualify());
        await harness.Flow()
            .Send("hi").AssertReply("Your name?")
            .Send("I'd rather talk to a person").AssertReply(Texts.HandoffText!).AssertReply("done: handoff from qualify")
            .StartTestAsync();
        Assert.IsType<HandoffRequested>(harness.Results[^1].Result);
        Assert.Empty(await harness.StoredStackAsync());
    }

    [Theory]
    [InlineData("agent")]
    [InlineData("Can I speak to a human?")]
    [InlineData("talk to sales")]
    public async Task Talk_to_a_person_at_depth_two_ends_the_outer_component(string ask)
    {
        var harness = new DialogHarness(BuildQualify());
        await harness.Flow()
            .Send("hi").AssertReply("Your name?")
            .Send("Ada").AssertReply("Are you the decision maker?")
            .Send("yes").AssertReply("Team size?")
            .Send(ask).AssertReply(Texts.HandoffText!).AssertReply("done: handoff from qualify")
            .StartTestAsync();
        Assert.Empty(await harness.StoredStackAsync());
    }

    [Fact]
    public async Task An_inner_components_own_handler_sees_what_the_outer_one_does_not_handle()
    {
        await new DialogHarness(BuildQualify()).Flow()
            .Send("hi").AssertReply("Your name?")
            .Send("Ada").AssertReply("Are you the decision maker?")
            .Send("skip").AssertReply("done: Ada: skipped")
            .StartTestAsync();
    }

    [Fact]
    public async Task The_inner_handler_is_not_asked_at_depth_one()
    {
        // "skip" at the name prompt is just a name: only qualify's handlers run there.
        await new DialogHarness(BuildQualify()).Flow()
            .Send("hi").AssertReply("Your name?")
            .Send("skip").AssertReply("Are you the decision maker?")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_subclass_can_override_the_hook()
    {
        var dialog = new PausingDialog();
        await new DialogHarness(dialog).Flow()
            .Send("hi").AssertReply("Email?")
            .Send("hold on").AssertReply("Take your time.")
            .Send("ada@example.com").AssertReply("done: ada@example.com")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("I need help choosing a plan")]
    [InlineData("the person in charge is me")]
    public async Task Ordinary_answers_that_contain_trigger_words_are_not_interruptions(string answer)
    {
        await new DialogHarness(BuildQualify()).Flow()
            .Send("hi").AssertReply("Your name?")
            .Send(answer).AssertReply("Are you the decision maker?")
            .StartTestAsync();
    }

    private sealed class SkipInterruption : IDialogInterruption
    {
        public Task<InterruptionResult> InterruptAsync(DialogContext innerDc, CancellationToken cancellationToken) =>
            Task.FromResult(innerDc.Context.Activity.Text?.Trim() == "skip" ? InterruptionResult.End("skipped") : InterruptionResult.NotHandled);
    }

    /// <summary>The CoreBot CancelAndHelpDialog pattern: a base class overriding the hook.</summary>
    private sealed class PausingDialog : ComponentDialog
    {
        public PausingDialog()
            : base("pausing")
        {
            AddDialog(new WaterfallDialog("steps", new WaterfallStep[]
            {
                (step, ct) => step.PromptAsync("email", new PromptOptions { Prompt = MessageFactory.Text("Email?") }, ct),
                (step, ct) => step.EndDialogAsync(step.Result, ct),
            }));
            AddDialog(new EmailPrompt("email"));
        }

        protected override async Task<InterruptionResult> OnInterruptAsync(DialogContext innerDc, CancellationToken cancellationToken)
        {
            if (innerDc.Context.Activity.Text == "hold on")
            {
                await innerDc.Context.SendActivityAsync("Take your time.", cancellationToken: cancellationToken);
                return InterruptionResult.Wait;
            }
            return await base.OnInterruptAsync(innerDc, cancellationToken);
        }
    }

    [Theory]
    [InlineData("Talk to sales", "Talk to sales#1")]
    [InlineData("help", "Help#2")]
    [InlineData("live chat", "Live chat#0")]
    public async Task An_offered_choice_is_an_answer_even_when_it_looks_like_a_command(string answer, string expected)
    {
        var root = DialogHarness.OnePrompt(new ChoicePrompt("choice"), new PromptOptions
        {
            Prompt = MessageFactory.Text("What next?"),
            Choices = new List<Choice> { new("Live chat"), new("Talk to sales"), new("Help") },
            Style = ListStyle.None,
        });
        root.Interruptions.Add(new StandardInterruptions());
        await new DialogHarness(root).Flow()
            .Send("hi").AssertReply("What next?")
            .Send(answer).AssertReply("done: " + expected)
            .StartTestAsync();
    }

    [Fact]
    public async Task Handlers_can_see_the_waiting_prompt_at_any_depth()
    {
        var seen = new List<string?>();
        var qualify = BuildQualify();
        qualify.Interruptions.Insert(0, new Spy(seen));
        await new DialogHarness(qualify).Flow()
            .Send("hi").AssertReply("Your name?")
            .Send("Ada").AssertReply("Are you the decision maker?")
            .Send("yes").AssertReply("Team size?")
            .StartTestAsync();
        Assert.Equal(new[] { "Your name?", "Are you the decision maker?" }, seen);
    }

    private sealed class Spy(List<string?> seen) : IDialogInterruption
    {
        public Task<InterruptionResult> InterruptAsync(DialogContext innerDc, CancellationToken cancellationToken)
        {
            seen.Add(innerDc.GetActivePromptOptions()?.Prompt?.Text);
            return Task.FromResult(InterruptionResult.NotHandled);
        }
    }
}
