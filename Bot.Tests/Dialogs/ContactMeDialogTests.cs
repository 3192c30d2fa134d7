using ChatBot.Dialogs;
using ChatBot.Dialogs.Interruptions;
using ChatBot.Dialogs.Samples;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;

namespace ChatBot.Tests.Dialogs;

/// <summary>The sample three-question waterfall.</summary>
public class ContactMeDialogTests
{
    [Fact]
    public async Task Asks_three_questions_and_ends_with_the_contact_request()
    {
        var harness = new DialogHarness(new ContactMeDialog(), channelId: Channels.Webchat);
        await harness.Flow()
            .Send("hi").AssertReply("Happy to have someone get in touch. What's your name?")
            .Send("Ada").AssertReply("Thanks, Ada. Which email address should we use?")
            .Send("ada@larkspur.example.com").AssertReply(activity =>
            {
                var message = (IMessageActivity)activity;
                Assert.Equal("What would you like to talk about?", message.Text);
                Assert.Equal(ContactMeDialog.Topics, message.SuggestedActions.Actions.Select(a => a.Title));
            })
            .Send("a demo please").AssertReply("Thanks Ada, someone from Larkspur will contact you at ada@larkspur.example.com about product demo.")
            .AssertReply("done: Ada|ada@larkspur.example.com|Product demo")
            .StartTestAsync();
        var request = Assert.IsType<ContactRequest>(harness.Results[^1].Result);
        Assert.Equal("Product demo", request.Topic);
    }

    [Fact]
    public async Task Moves_on_without_an_email_when_the_visitor_cannot_give_one()
    {
        var retry = "That doesn't look like an email address. Could you type it like name@company.com?";
        await new DialogHarness(new ContactMeDialog()).Flow()
            .Send("hi").AssertReply(_ => { })
            .Send("Ada").AssertReply(_ => { })
            .Send("no").AssertReply(retry)
            .Send("I'd rather not").AssertReply(retry)
            .Send("nope").AssertReply("Never mind, we'll reach you here in the chat instead.")
            .AssertReply("What would you like to talk about?\n\n1. Product demo\n2. Pricing\n3. Support")
            .Send("2").AssertReply("Thanks Ada, someone from Larkspur will contact you here about pricing.")
            .AssertReply("done: Ada|-|Pricing")
            .StartTestAsync();
    }

    [Fact]
    public async Task Talk_to_a_person_mid_way_ends_with_HandoffRequested()
    {
        var harness = new DialogHarness(new ContactMeDialog());
        await harness.Flow()
            .Send("hi").AssertReply(_ => { })
            .Send("Ada").AssertReply(_ => { })
            .Send("can I talk to a person").AssertReply(new InterruptionOptions().HandoffText!)
            .AssertReply($"done: handoff from {nameof(ContactMeDialog)}")
            .StartTestAsync();
        Assert.Equal(DialogTurnStatus.Complete, harness.Results[^1].Status);
    }
}
