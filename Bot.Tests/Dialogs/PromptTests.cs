using ChatBot.Dialogs.Choices;
using ChatBot.Dialogs.Prompts;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;

namespace ChatBot.Tests.Dialogs;

/// <summary>Every prompt kind through TestFlow: valid, invalid (retry prompt), and out of attempts.</summary>
public class PromptTests
{
    private static PromptOptions Ask(string prompt, string? retry = null, int? maxAttempts = null, IList<Choice>? choices = null) => new()
    {
        Prompt = MessageFactory.Text(prompt),
        RetryPrompt = retry == null ? null : MessageFactory.Text(retry),
        MaxAttempts = maxAttempts,
        Choices = choices,
    };

    private static readonly List<Choice> Plans = new() { new("Starter"), new("Pro Monthly"), new("Pro Annual"), new("Enterprise") };

    [Fact]
    public async Task Text_prompt_returns_trimmed_text()
    {
        var harness = new DialogHarness(DialogHarness.OnePrompt(new TextPrompt("text"), Ask("Your name?")));
        await harness.Flow()
            .Send("hi").AssertReply("Your name?")
            .Send("  Ada Lovelace ").AssertReply("done: Ada Lovelace")
            .StartTestAsync();
    }

    [Fact]
    public async Task Text_prompt_validator_can_reject_and_explain()
    {
        var prompt = new TextPrompt("text", async (context, ct) =>
        {
            if (context.Recognized.Value?.Length >= 2)
            {
                return true;
            }
            await context.Context.SendActivityAsync($"Too short (attempt {context.AttemptCount}).", cancellationToken: ct);
            return false;
        });
        var harness = new DialogHarness(DialogHarness.OnePrompt(prompt, Ask("Your name?", "Your full name, please?")));
        await harness.Flow()
            .Send("hi").AssertReply("Your name?")
            .Send("A").AssertReply("Too short (attempt 1).")
            .Send("Al").AssertReply("done: Al")
            .StartTestAsync();
    }

    [Fact]
    public async Task Text_prompt_gives_up_after_max_attempts()
    {
        var prompt = new TextPrompt("text", (context, ct) => Task.FromResult(context.Recognized.Value == "magic"));
        var harness = new DialogHarness(DialogHarness.OnePrompt(prompt, Ask("Password?", "Wrong, try again.", maxAttempts: 2)));
        await harness.Flow()
            .Send("hi").AssertReply("Password?")
            .Send("guess").AssertReply("Wrong, try again.")
            .Send("guess2").AssertReply("done: exhausted after 2")
            .StartTestAsync();
        Assert.Empty(await harness.StoredStackAsync());
    }

    [Fact]
    public async Task Default_max_attempts_is_three_and_prompt_repeats_without_retry_prompt()
    {
        var harness = new DialogHarness(DialogHarness.OnePrompt(new EmailPrompt("email"), Ask("Email?")));
        await harness.Flow()
            .Send("hi").AssertReply("Email?")
            .Send("nope").AssertReply("Email?")
            .Send("still no").AssertReply("Email?")
            .Send("x").AssertReply($"done: exhausted after {PromptDefaults.MaxAttempts}")
            .StartTestAsync();
    }

    [Fact]
    public async Task Email_prompt_valid_and_invalid()
    {
        var harness = new DialogHarness(DialogHarness.OnePrompt(new EmailPrompt("email"), Ask("Email?", "That's not an email address.")));
        await harness.Flow()
            .Send("hi").AssertReply("Email?")
            .Send("jane@example").AssertReply("That's not an email address.")
            .Send("sure, it's Jane@Example.COM").AssertReply("done: Jane@example.com")
            .StartTestAsync();
    }

    [Fact]
    public async Task Confirm_prompt_yes_no_and_retry_on_plain_text_channel()
    {
        var harness = new DialogHarness(DialogHarness.OnePrompt(new ConfirmPrompt("confirm"), Ask("Shall we book a demo?", "Please answer yes or no.")));
        await harness.Flow()
            .Send("hi").AssertReply("Shall we book a demo? (1) Yes or (2) No")
            .Send("maybe").AssertReply("Please answer yes or no. (1) Yes or (2) No")
            .Send("oui").AssertReply("done: yes")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("👎", "no")]
    [InlineData("nein", "no")]
    [InlineData("是", "yes")]
    [InlineData("2", "no")]
    [InlineData("(1)", "yes")]
    [InlineData("yep", "yes")]
    public async Task Confirm_prompt_understands(string answer, string expected)
    {
        var harness = new DialogHarness(DialogHarness.OnePrompt(new ConfirmPrompt("confirm"), Ask("Continue?")));
        await harness.Flow()
            .Send("hi").AssertReply("Continue? (1) Yes or (2) No")
            .Send(answer).AssertReply("done: " + expected)
            .StartTestAsync();
    }

    [Fact]
    public async Task Confirm_prompt_gives_up_after_max_attempts()
    {
        var harness = new DialogHarness(DialogHarness.OnePrompt(new ConfirmPrompt("confirm") { Style = ListStyle.None }, Ask("Continue?", "Yes or no?", maxAttempts: 2)));
        await harness.Flow()
            .Send("hi").AssertReply("Continue?")
            .Send("hmm").AssertReply("Yes or no?")
            .Send("dunno").AssertReply("done: exhausted after 2")
            .StartTestAsync();
    }

    [Fact]
    public async Task Confirm_prompt_shows_buttons_on_webchat()
    {
        var harness = new DialogHarness(DialogHarness.OnePrompt(new ConfirmPrompt("confirm"), Ask("Continue?")), channelId: Channels.Webchat);
        await harness.Flow()
            .Send("hi").AssertReply(activity =>
            {
                var message = (IMessageActivity)activity;
                Assert.Equal("Continue?", message.Text);
                Assert.Equal(new[] { "Yes", "No" }, message.SuggestedActions.Actions.Select(a => a.Title));
            })
            .Send("Yes").AssertReply("done: yes")
            .StartTestAsync();
    }

    [Fact]
    public async Task Choice_prompt_lists_numbered_choices_and_accepts_an_ordinal()
    {
        var harness = new DialogHarness(DialogHarness.OnePrompt(new ChoicePrompt("choice"), Ask("Which plan?", choices: Plans)));
        await harness.Flow()
            .Send("hi").AssertReply("Which plan?\n\n1. Starter\n2. Pro Monthly\n3. Pro Annual\n4. Enterprise")
            .Send("the last one").AssertReply("done: Enterprise#3")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("Enterprise", "Enterprise#3")]
    [InlineData("ENTERPRISE", "Enterprise#3")]
    [InlineData("2", "Pro Monthly#1")]
    [InlineData("3rd", "Pro Annual#2")]
    [InlineData("star", "Starter#0")]
    [InlineData("pro annual please", "Pro Annual#2")]
    public async Task Choice_prompt_recognizes(string answer, string expected)
    {
        var harness = new DialogHarness(DialogHarness.OnePrompt(new ChoicePrompt("choice") { Style = ListStyle.None }, Ask("Which plan?", choices: Plans)));
        await harness.Flow()
            .Send("hi").AssertReply("Which plan?")
            .Send(answer).AssertReply("done: " + expected)
            .StartTestAsync();
    }

    [Fact]
    public async Task Ambiguous_choice_reprompts_with_the_candidates_and_numbers_refer_to_them()
    {
        var harness = new DialogHarness(DialogHarness.OnePrompt(new ChoicePrompt("choice"), Ask("Which plan?", choices: Plans)));
        await harness.Flow()
            .Send("hi").AssertReply("Which plan?\n\n1. Starter\n2. Pro Monthly\n3. Pro Annual\n4. Enterprise")
            .Send("pro").AssertReply("Sorry, which one did you mean?\n\n1. Pro Monthly\n2. Pro Annual")
            .Send("2").AssertReply("done: Pro Annual#2")
            .StartTestAsync();
    }

    [Fact]
    public async Task Ambiguous_choice_can_be_resolved_by_name()
    {
        var harness = new DialogHarness(DialogHarness.OnePrompt(new ChoicePrompt("choice"), Ask("Which plan?", choices: Plans)));
        await harness.Flow()
            .Send("hi").AssertReply(_ => { })
            .Send("pro").AssertReply(_ => { })
            .Send("monthly").AssertReply("done: Pro Monthly#1")
            .StartTestAsync();
    }

    [Fact]
    public async Task Choice_prompt_retries_then_gives_up()
    {
        var harness = new DialogHarness(DialogHarness.OnePrompt(new ChoicePrompt("choice") { Style = ListStyle.None }, Ask("Which plan?", "Please pick a plan from the list.", choices: Plans)));
        await harness.Flow()
            .Send("hi").AssertReply("Which plan?")
            .Send("banana").AssertReply("Please pick a plan from the list.")
            .Send("9").AssertReply("Please pick a plan from the list.")
            .Send("no idea").AssertReply("done: exhausted after 3")
            .StartTestAsync();
    }

    [Theory]
    [InlineData(Channels.Webchat)]
    [InlineData(Channels.Msteams)]
    [InlineData(Channels.Directline)]
    [InlineData(Channels.Emulator)]
    public async Task Choices_are_suggested_actions_where_supported(string channelId)
    {
        var harness = new DialogHarness(DialogHarness.OnePrompt(new ChoicePrompt("choice"), Ask("Which plan?", choices: Plans)), channelId: channelId);
        await harness.Flow()
            .Send("hi").AssertReply(activity =>
            {
                var message = (IMessageActivity)activity;
                Assert.Equal("Which plan?", message.Text);
                Assert.Equal(Plans.Select(p => p.Value), message.SuggestedActions.Actions.Select(a => a.Title));
                Assert.All(message.SuggestedActions.Actions, a => Assert.Equal(ActionTypes.ImBack, a.Type));
            })
            .StartTestAsync();
    }

    [Theory]
    [InlineData(Channels.Sms)]
    [InlineData("some-new-channel")]
    public async Task Choices_are_a_numbered_list_on_sms_and_unknown_channels(string channelId)
    {
        var harness = new DialogHarness(DialogHarness.OnePrompt(new ChoicePrompt("choice"), Ask("Which plan?", choices: Plans)), channelId: channelId);
        await harness.Flow()
            .Send("hi").AssertReply(activity =>
            {
                var message = (IMessageActivity)activity;
                Assert.Equal("Which plan?\n\n1. Starter\n2. Pro Monthly\n3. Pro Annual\n4. Enterprise", message.Text);
                Assert.Null(message.SuggestedActions);
            })
            .Send("4").AssertReply("done: Enterprise#3")
            .StartTestAsync();
    }

    [Fact]
    public async Task Prompt_activity_stored_in_options_is_not_modified_by_rendering()
    {
        var options = Ask("Which plan?", choices: Plans);
        var harness = new DialogHarness(DialogHarness.OnePrompt(new ChoicePrompt("choice"), options));
        await harness.Flow()
            .Send("hi").AssertReply(_ => { })
            .Send("banana").AssertReply("Which plan?\n\n1. Starter\n2. Pro Monthly\n3. Pro Annual\n4. Enterprise")
            .StartTestAsync();
        Assert.Equal("Which plan?", options.Prompt!.Text);
    }

    [Theory]
    [InlineData("about 50", "~50")]
    [InlineData("1,200", "1200")]
    [InlineData("fifty", "50")]
    [InlineData("10-50", "10-50")]
    [InlineData("~2k", "~2000")]
    public async Task Number_prompt_recognizes(string answer, string expected)
    {
        var harness = new DialogHarness(DialogHarness.OnePrompt(new NumberPrompt("number"), Ask("How many people on your team?")));
        await harness.Flow()
            .Send("hi").AssertReply("How many people on your team?")
            .Send(answer).AssertReply("done: " + expected)
            .StartTestAsync();
    }

    [Fact]
    public async Task Number_prompt_validator_can_refuse_ranges_and_retries()
    {
        var prompt = new NumberPrompt("number", (context, ct) => Task.FromResult(context.Recognized.Succeeded && !context.Recognized.Value!.IsRange));
        var harness = new DialogHarness(DialogHarness.OnePrompt(prompt, Ask("How many seats?", "One number, please.")));
        await harness.Flow()
            .Send("hi").AssertReply("How many seats?")
            .Send("lots").AssertReply("One number, please.")
            .Send("10-20").AssertReply("One number, please.")
            .Send("twelve").AssertReply("done: 12")
            .StartTestAsync();
    }

    [Fact]
    public async Task Number_prompt_gives_up_after_max_attempts()
    {
        var harness = new DialogHarness(DialogHarness.OnePrompt(new NumberPrompt("number"), Ask("How many?", "A number please.", maxAttempts: 1)));
        await harness.Flow()
            .Send("hi").AssertReply("How many?")
            .Send("many").AssertReply("done: exhausted after 1")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_prompt_without_prompt_options_is_a_programming_error_reported_once()
    {
        var root = new ChatBot.Dialogs.ComponentDialog("root");
        root.AddDialog(new ChatBot.Dialogs.WaterfallDialog("w", new ChatBot.Dialogs.WaterfallStep[] { (step, ct) => step.BeginDialogAsync("text", "not options", ct) }));
        root.AddDialog(new TextPrompt("text"));
        var harness = new DialogHarness(root);
        await harness.Flow()
            .Send("hi").AssertReply(new ChatBot.Dialogs.DialogRunOptions().ApologyText)
            .StartTestAsync();
    }

    [Fact]
    public async Task A_typing_indicator_sent_earlier_in_the_turn_does_not_swallow_the_retry_prompt()
    {
        var prompt = new NumberPrompt("number", (context, ct) => Task.FromResult(context.Recognized.Succeeded));
        var harness = new DialogHarness(DialogHarness.OnePrompt(prompt, Ask("How many?", "A number, please.")));
        harness.Adapter.Use(new TypingFirst());
        await harness.Flow()
            .Send("hi").AssertReply(a => Assert.Equal(ActivityTypes.Typing, a.Type)).AssertReply("How many?")
            .Send("lots").AssertReply(a => Assert.Equal(ActivityTypes.Typing, a.Type)).AssertReply("A number, please.")
            .StartTestAsync();
    }

    /// <summary>Like ShowTypingMiddleware: a typing activity goes out before the bot's logic runs.</summary>
    private sealed class TypingFirst : IMiddleware
    {
        public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
        {
            await turnContext.SendActivityAsync(new Activity { Type = ActivityTypes.Typing }, cancellationToken);
            await next(cancellationToken);
        }
    }
}
