using ChatBot.Dialogs.Prospects;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ChatBot.Tests.Prospects;

/// <summary>Buying intent, a head count said in passing, short replies, and the page's channel data.</summary>
public class MessageReadingTests
{
    [Theory]
    [InlineData("how much is the professional plan, we are 40 people", JourneyIntents.Pricing)]
    [InlineData("Pricing", JourneyIntents.Pricing)]
    [InlineData("What does Enterprise cost?", JourneyIntents.Pricing)]
    [InlineData("which plan is right for us", JourneyIntents.Pricing)]
    [InlineData("Book a demo", JourneyIntents.Demo)]
    [InlineData("could someone walk me through it, a product tour maybe", JourneyIntents.Demo)]
    [InlineData("I want to buy Larkspur for my team", JourneyIntents.Purchase)]
    [InlineData("We're evaluating CRMs", JourneyIntents.Purchase)]
    [InlineData("How do I add a user to my portal?", null)]
    [InlineData("How do I downgrade my plan?", null)]
    [InlineData("Is there a free plan?", null)]
    [InlineData("How do I cancel my subscription?", null)]
    // Billing how-tos of a plan the visitor has are not buying intent; moving from another product is.
    [InlineData("How do I switch from monthly to annual billing?", null)]
    [InlineData("I'd like to switch to annual billing", null)]
    [InlineData("can we move to yearly payments?", null)]
    [InlineData("How do I buy more paid seats?", null)]
    [InlineData("how do i add licenses to my subscription", null)]
    [InlineData("We want to switch from HubSpot", JourneyIntents.Purchase)]
    [InlineData("how do I switch from salesforce to larkspur?", JourneyIntents.Purchase)]
    [InlineData("we're migrating from a competitor", JourneyIntents.Purchase)]
    [InlineData("switching from Pipedrive next quarter", JourneyIntents.Purchase)]
    [InlineData("How do I buy Larkspur?", JourneyIntents.Purchase)]
    [InlineData("", null)]
    public void Buying_intent(string text, string? intent) => Assert.Equal(intent, MessageSignals.BuyingIntent(text));

    [Theory]
    [InlineData("how much is the professional plan, we are 40 people", 40)]
    [InlineData("we're a team of 12", 12)]
    [InlineData("about 200 employees", 200)]
    [InlineData("We have forty five sales reps", 45)]
    [InlineData("pricing for 10-50 users", 30)]
    [InlineData("a 25-person startup", 25)]
    [InlineData("how much is it?", null)]
    [InlineData("0 people", null)]
    [InlineData("3 billion users", null)]
    [InlineData("just me", 1)]
    [InlineData("it's only me, how much is Starter?", 1)]
    [InlineData("I work alone", 1)]
    [InlineData("just me and a friend", null)]
    [InlineData("just me and a friend, so 2", null)]
    public void Company_size_said_in_passing(string text, int? size) => Assert.Equal(size, MessageSignals.CompanySize(text, 1_000_000));

    [Theory]
    [InlineData("do you integrate with gmail?", true)]
    [InlineData("wait, how do I connect my gmail inbox to Larkspur?", true)]
    [InlineData("is there a mobile app", true)]
    [InlineData("can I import from Excel", true)]
    [InlineData("ok so what does Enterprise add", true)]
    [InlineData("hubspot?", true)]
    [InlineData("Sales pipeline", false)]
    [InlineData("we are 12 people", false)]
    [InlineData("will start next month", false)]
    [InlineData("can't say", false)]
    [InlineData("do it", false)]
    [InlineData("Dana was nice but I waited too long", false)]
    [InlineData("", false)]
    public void A_question_ends_with_a_question_mark_or_starts_like_one(string text, bool question) =>
        Assert.Equal(question, MessageSignals.IsQuestion(text));

    [Theory]
    [InlineData("wait, how do I connect my gmail inbox to Larkspur?", "how do I connect my gmail inbox to Larkspur?")]
    [InlineData("ok so what does Enterprise add?", "what does Enterprise add?")]
    [InlineData("How do I add a user?", "How do I add a user?")]
    public void The_question_without_its_lead_ins(string text, string question) => Assert.Equal(question, MessageSignals.QuestionText(text));

    [Theory]
    [InlineData("ok thanks, bye", MessageSignals.SmallTalk.Goodbye)]
    [InlineData("thanks for the help, bye", MessageSignals.SmallTalk.Goodbye)]
    [InlineData("no thanks", MessageSignals.SmallTalk.Goodbye)]
    [InlineData("that's all, thanks!", MessageSignals.SmallTalk.Goodbye)]
    [InlineData("Thank you very much 🙏", MessageSignals.SmallTalk.Thanks)]
    [InlineData("ok great thanks", MessageSignals.SmallTalk.Thanks)]
    [InlineData("hello is anyone there", MessageSignals.SmallTalk.Greeting)]
    [InlineData("good morning!", MessageSignals.SmallTalk.Greeting)]
    [InlineData("ok 👍", MessageSignals.SmallTalk.Acknowledgement)]
    [InlineData("I have a question", MessageSignals.SmallTalk.WantsToAsk)]
    [InlineData("thanks, how do I add a user?", MessageSignals.SmallTalk.None)]
    [InlineData("bye the way is there an api", MessageSignals.SmallTalk.None)]
    [InlineData("yes", MessageSignals.SmallTalk.None)]
    [InlineData("no", MessageSignals.SmallTalk.None)]
    [InlineData("accept next", MessageSignals.SmallTalk.None)]
    public void Small_talk_is_read_word_by_word(string text, MessageSignals.SmallTalk kind) => Assert.Equal(kind, MessageSignals.SmallTalkOf(text));

    [Theory]
    [InlineData("idk", true)]
    [InlineData("not sure", true)]
    [InlineData("I'm not sure really", true)]
    [InlineData("kind of", true)]
    [InlineData("🤷", true)]
    [InlineData("yes", false)]
    [InlineData("How do I export contacts?", false)]
    public void Unsure(string text, bool unsure) => Assert.Equal(unsure, ReplyReader.IsUnsure(text));

    [Theory]
    [InlineData("accept next", true)]
    [InlineData("ok", true)]
    [InlineData("hubspot?", false)]
    [InlineData("How should an e-commerce business use email", false)]
    public void Too_short_to_route(string text, bool tooShort) => Assert.Equal(tooShort, MessageSignals.IsTooShortToRoute(text));

    [Theory]
    [InlineData("yes, thanks", true)]
    [InlineData("thanks!", true)]
    [InlineData("perfect", true)]
    [InlineData("👍🏾", true)]
    [InlineData("😊", true)]
    [InlineData("not really", false)]
    [InlineData("that didn't help", false)]
    [InlineData("not helpful", false)]
    [InlineData("😞", false)]
    [InlineData("maybe", null)]
    [InlineData("How do I export contacts?", null)]
    public void Yes_or_no(string text, bool? expected) => Assert.Equal(expected, ReplyReader.YesNo(text));

    [Theory]
    [InlineData("skip", true)]
    [InlineData("Skip please", true)]
    [InlineData("I'd rather not say", true)]
    [InlineData("n/a", true)]
    [InlineData("Sales", false)]
    [InlineData("skipping rope", false)]
    public void Skip(string text, bool expected) => Assert.Equal(expected, ReplyReader.IsSkip(text));

    [Fact]
    public void Channel_data_visitor_is_read_and_applied_to_the_profile()
    {
        var activity = new Activity
        {
            ChannelData = JObject.Parse("""{"clientActivityID":"x","visitor":{"type":"Customer","name":" Jane Doe ","email":"Jane@ACME.com","company":"Acme"}}"""),
        };
        var data = VisitorChannelData.From(activity)!;
        Assert.Equal(("customer", "Jane Doe", "Jane@acme.com", "Acme"), (data.Type, data.Name, data.Email, data.Company));

        var profile = new VisitorProfile { VisitorType = "prospect", Email = "old@acme.com", ContactConsent = true };
        data.ApplyTo(profile);
        Assert.Equal(("customer", "Jane Doe", "Jane@acme.com"), (profile.VisitorType, profile.Name, profile.Email));
        // Consent was for another address.
        Assert.Null(profile.ContactConsent);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("[1,2]")]
    [InlineData("\"text\"")]
    [InlineData("{}")]
    [InlineData("""{"visitor":"customer"}""")]
    [InlineData("""{"visitor":{"type":"admin","name":12,"email":"not-an-email"}}""")]
    [InlineData("""{"visitor":{"type":null,"name":null}}""")]
    public void Malformed_channel_data_is_ignored(string? json)
    {
        var activity = new Activity { ChannelData = json == null ? null : JToken.Parse(json) };
        Assert.Null(VisitorChannelData.From(activity));
    }

    [Fact]
    public void An_overlong_name_is_ignored_but_the_rest_is_kept()
    {
        var activity = new Activity { ChannelData = JObject.FromObject(new { visitor = new { type = "free", name = new string('a', 101) } }) };
        var data = VisitorChannelData.From(activity)!;
        Assert.Equal(("free", null), (data.Type, data.Name));
    }
}
