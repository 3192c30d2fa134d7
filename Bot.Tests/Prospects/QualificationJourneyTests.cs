using ChatBot.Dialogs.Interruptions;
using ChatBot.Dialogs.Prospects;
using ChatBot.Handoff.Events;

namespace ChatBot.Tests.Prospects;

/// <summary>Buying intent leads into the qualification waterfall, its score routes to sales or to self-serve.</summary>
public class QualificationJourneyTests
{
    private static readonly string[] Roles = ["Founder or owner", "Sales", "Marketing", "Customer service", "Operations or IT", "Other"];
    private static readonly string[] UseCases = ["Sales pipeline", "Marketing email", "Customer support", "A bit of everything"];
    private static readonly string[] Timelines = ["This month", "In 1-3 months", "Later this year", "Just looking"];
    private static readonly string[] Sizes = ["1-9", "10-49", "50-199", "200+"];

    [Fact]
    public async Task A_price_question_with_a_team_size_gets_the_price_list_then_qualifies_and_goes_to_sales()
    {
        await using var h = new JourneyHarness();
        await h.Start(h.Conversation())
            .BotSaysAnything()
            .Send("how much is the professional plan, we are 40 people")
            .AssertReply(a => Assert.Equal(h.Faq.FindEntry("kb-001")!.Answer, a.AsMessageActivity().Text))
            .Bot("I can help you find the right plan for your team of 40. A few quick questions first. Say \"skip\" to pass on any of them.")
            .Bot(JourneyTexts.RoleQuestion, Roles)
            // The size was in the sentence: not asked.
            .Send("Sales").Bot(JourneyTexts.UseCaseQuestion, UseCases)
            .Send("mostly our sales pipeline").Bot(JourneyTexts.TimelineQuestion, Timelines)
            .Send("This month").Bot(JourneyTexts.EmailQuestion, JourneyTexts.Skip)
            .Send("it's jane.doe@acme.com").Bot(JourneyTexts.ConsentQuestion("jane.doe@acme.com"), JourneyTexts.Yes, JourneyTexts.No)
            .Send("yes").Bot(JourneyTexts.Qualified)
            .Bot(RecordingHandoffRequester.Queued("sales"))
            .NothingMore()
            .StartTestAsync();

        var request = Assert.Single(h.Handoff.Requests).Request;
        Assert.Equal("sales", request.Team);
        Assert.Equal(JourneyIntents.Pricing, request.Intent);
        Assert.Equal(VisitorTypes.Prospect, request.VisitorType);
        Assert.Equal("jane.doe@acme.com", request.VisitorEmail);
        Assert.Equal(
            "Role: Sales · Size: 40 · Use: Sales pipeline · Timeline: This month · Email: jane.doe@acme.com (ok to email)\n"
            + "Score 100 (qualifies at 60): sales-qualified · came in about pricing",
            request.QualificationSummary);

        var events = h.EventsOf("conversation-1");
        Assert.Equal(
            [
                OutcomeEventNames.EngagementStarted, OutcomeEventNames.VisitorClassified, OutcomeEventNames.FaqAnswered,
                OutcomeEventNames.QualificationCompleted, OutcomeEventNames.Routed,
            ],
            events.Select(e => e.Name));
        Assert.Equal(JourneyIntents.Pricing, events[1].Intent);
        Assert.Equal("kb-001", events[2].FaqEntryId);
        var completed = events[3];
        Assert.Equal((100.0, true), (completed.Score, completed.Qualified));
        var routed = events[4];
        Assert.Equal(("sales", "sales", true, VisitorTypes.Prospect), (routed.Route, routed.Team, routed.Qualified, routed.VisitorType));

        var profile = await h.StoredProfileAsync();
        Assert.NotNull(profile);
        Assert.Equal(("Sales", 40, "Sales pipeline", "This month"), (profile.Role, profile.CompanySize, profile.UseCase, profile.Timeline));
        Assert.Equal(("jane.doe@acme.com", true, "acme.com"), (profile.Email, profile.ContactConsent, profile.Company));
        Assert.Equal((100, true), (profile.QualificationScore, profile.Qualified));
        // Not stored as a prospect: they may turn out to be a free user.
        Assert.Null(profile.VisitorType);
    }

    [Fact]
    public async Task A_small_team_just_looking_does_not_qualify_and_gets_self_serve_resources_with_a_person_still_offered()
    {
        await using var h = new JourneyHarness();
        await h.Start(h.Conversation())
            .BotSaysAnything()
            .Send(JourneyTexts.Pricing)
            .AssertReply(a => Assert.Equal(h.Faq.FindEntry("kb-001")!.Answer, a.AsMessageActivity().Text))
            .Bot("I can help you find the right plan. A few quick questions first. Say \"skip\" to pass on any of them.")
            .Bot(JourneyTexts.RoleQuestion)
            .Send("other").Bot(JourneyTexts.SizeQuestion, Sizes)
            .Send("just me and a friend, so 2").Bot(JourneyTexts.UseCaseQuestion)
            .Send("Customer support").Bot(JourneyTexts.TimelineQuestion)
            .Send("just browsing").Bot(JourneyTexts.EmailQuestion)
            .Send("sam@gmail.com").Bot(JourneyTexts.ConsentQuestion("sam@gmail.com"))
            .Send("no").AssertReply(a =>
            {
                var message = a.AsMessageActivity();
                Assert.StartsWith("Thanks, that's all I need. The quickest way to get going is to try Larkspur yourself:", message.Text);
                Assert.Contains("- [See plans and pricing](/#pricing)", message.Text);
                Assert.Contains("- [Start a free 14-day trial of Professional](/#pricing)", message.Text);
                Assert.Equal(
                    ["Do you offer a free trial?", "Is there a free plan?", "What's the difference between Starter and Professional?", JourneyTexts.TalkToPerson],
                    TranscriptAssertions.Buttons(message));
            })
            .Send(JourneyTexts.TalkToPerson).Bot(RecordingHandoffRequester.Queued("sales"))
            .NothingMore()
            .StartTestAsync();

        var completed = Assert.Single(h.Events.Named(OutcomeEventNames.QualificationCompleted));
        Assert.Equal((20.0, false), (completed.Score, completed.Qualified));
        var routes = h.Events.Named(OutcomeEventNames.Routed).ToList();
        Assert.Equal(2, routes.Count);
        Assert.Equal(("self-serve", null, false), (routes[0].Route, routes[0].Team, routes[0].Qualified));
        // "Talk to a person" afterwards: the visitor asked, so a coach it is.
        Assert.Equal(("sales", JourneyIntents.Person), (routes[1].Route, routes[1].Intent));
        var request = Assert.Single(h.Handoff.Requests).Request;
        Assert.Equal("asked for a person", request.Reason);
        // No consent: the address is not passed on.
        Assert.Null(request.VisitorEmail);
    }

    [Fact]
    public async Task Help_and_start_over_in_the_middle_of_the_qualification_then_it_resumes_and_completes()
    {
        await using var h = new JourneyHarness();
        var intro = "Happy to set up a demo. A few quick questions first, so the right person can show you around. Say \"skip\" to pass on any of them.";
        await h.Start(h.Conversation())
            .BotSaysAnything()
            .Send(JourneyTexts.BookDemo).Bot(intro).Bot(JourneyTexts.RoleQuestion)
            .Send("Founder or owner").Bot(JourneyTexts.SizeQuestion)
            .Send("help").Bot(JourneyTexts.QualificationHelp).Bot(JourneyTexts.SizeQuestion, Sizes)
            .Send("120").Bot(JourneyTexts.UseCaseQuestion)
            .Send("start over").Bot(JourneyTexts.RestartText).Bot(intro).Bot(JourneyTexts.RoleQuestion, Roles)
            .Send("marketing").Bot(JourneyTexts.SizeQuestion)
            .Send("10-49").Bot(JourneyTexts.UseCaseQuestion)
            .Send("everything").Bot(JourneyTexts.TimelineQuestion)
            .Send("in 1-3 months").Bot(JourneyTexts.EmailQuestion)
            .Send("skip").Bot(JourneyTexts.Qualified)
            .Bot(RecordingHandoffRequester.Queued("sales"))
            .NothingMore()
            .StartTestAsync();

        // The answers before "start over" were dropped: Marketing 15 + 10-49 20 + everything 25 + 1-3 months 20.
        var completed = Assert.Single(h.Events.Named(OutcomeEventNames.QualificationCompleted));
        Assert.Equal((80.0, true, JourneyIntents.Demo), (completed.Score, completed.Qualified, completed.Intent));
        var request = Assert.Single(h.Handoff.Requests).Request;
        Assert.StartsWith("Role: Marketing · Size: 10-49 · Use: A bit of everything · Timeline: In 1-3 months · Email: skipped", request.QualificationSummary);
        Assert.Equal(JourneyIntents.Demo, request.Intent);
    }

    [Fact]
    public async Task Talk_to_a_person_in_the_middle_of_the_qualification_hands_over_at_once()
    {
        await using var h = new JourneyHarness();
        await h.Start(h.Conversation())
            .BotSaysAnything()
            .Send("Can I get a demo?").BotSaysAnything().Bot(JourneyTexts.RoleQuestion)
            .Send("Sales").Bot(JourneyTexts.SizeQuestion)
            .Send("actually can I talk to a real person").Bot(RecordingHandoffRequester.Queued("sales"))
            .NothingMore()
            .StartTestAsync();
        var request = Assert.Single(h.Handoff.Requests).Request;
        Assert.Equal(("sales", "asked for a person", JourneyIntents.Person), (request.Team, request.Reason, request.Intent));
        Assert.Empty(h.Events.Named(OutcomeEventNames.QualificationCompleted));
        // "Can I get a demo?" matches a support how-to about meeting links: a demo request wins over it.
        Assert.Empty(h.Events.Named(OutcomeEventNames.FaqAnswered));
    }

    [Theory]
    [InlineData("skip")]
    [InlineData("Skip")]
    [InlineData("pass")]
    [InlineData("I'd rather not say")]
    [InlineData("prefer not to say")]
    [InlineData("next question please")]
    public async Task Any_question_can_be_skipped_in_words(string skip)
    {
        await using var h = new JourneyHarness();
        await h.Start(h.Conversation())
            .BotSaysAnything()
            .Send("I want to buy Larkspur for my team").BotSaysAnything().BotSaysAnything().Bot(JourneyTexts.RoleQuestion)
            .Send(skip).Bot(JourneyTexts.SizeQuestion)
            .Send(skip).Bot(JourneyTexts.UseCaseQuestion)
            .Send(skip).Bot(JourneyTexts.TimelineQuestion)
            .Send(skip).Bot(JourneyTexts.EmailQuestion)
            .Send(skip).BotStartsWith("Thanks, that's all I need. The quickest way")
            .NothingMore()
            .StartTestAsync();
        var completed = Assert.Single(h.Events.Named(OutcomeEventNames.QualificationCompleted));
        Assert.Equal((0.0, false, JourneyIntents.Purchase), (completed.Score, completed.Qualified, completed.Intent));
    }

    [Fact]
    public async Task An_answer_not_understood_gets_one_retry_then_the_question_is_left_out()
    {
        await using var h = new JourneyHarness();
        await h.Start(h.Conversation())
            .BotSaysAnything()
            .Send("What are your prices?").BotSaysAnything().BotSaysAnything().Bot(JourneyTexts.RoleQuestion)
            .Send("purple").Bot(JourneyTexts.ChoiceRetry, Roles)
            .Send("banana").Bot(JourneyTexts.MovingOn).Bot(JourneyTexts.SizeQuestion)
            .Send("lots").Bot(JourneyTexts.SizeRetry, Sizes)
            .Send("no idea").Bot(JourneyTexts.MovingOn).Bot(JourneyTexts.UseCaseQuestion)
            .Send("Sales pipeline").Bot(JourneyTexts.TimelineQuestion)
            .Send("this month").Bot(JourneyTexts.EmailQuestion)
            .Send("no").Bot(JourneyTexts.EmailRetry, JourneyTexts.Skip)
            .Send("no email").Bot(JourneyTexts.MovingOn)
            // Sales pipeline 20 + this month 30 = 50, below 60.
            .BotStartsWith("Thanks, that's all I need. The quickest way")
            .NothingMore()
            .StartTestAsync();
        var completed = Assert.Single(h.Events.Named(OutcomeEventNames.QualificationCompleted));
        Assert.Equal((50.0, false), (completed.Score, completed.Qualified));
    }

    [Theory]
    [InlineData("3.5", JourneyTexts.SizeWhole)]
    [InlineData("0", JourneyTexts.SizeTooSmall)]
    [InlineData("5 billion", JourneyTexts.SizeTooLarge)]
    public async Task A_company_size_that_cannot_be_right_is_explained(string answer, string explanation)
    {
        await using var h = new JourneyHarness();
        await h.Start(h.Conversation())
            .BotSaysAnything()
            .Send("What are your prices?").BotSaysAnything().BotSaysAnything().BotSaysAnything()
            .Send("Sales").Bot(JourneyTexts.SizeQuestion)
            .Send(answer).Bot(explanation)
            .Send("about 25").Bot(JourneyTexts.UseCaseQuestion)
            .NothingMore()
            .StartTestAsync();
    }

    [Fact]
    public async Task A_customer_asking_about_prices_is_not_qualified_again()
    {
        await using var h = new JourneyHarness();
        await h.Start(h.Conversation())
            .BotSaysAnything()
            .Send(JourneyHarness.WithVisitor("Pricing", type: "customer"))
            .AssertReply(a => Assert.Equal(h.Faq.FindEntry("kb-001")!.Answer, a.AsMessageActivity().Text))
            .Bot(JourneyTexts.DidThatAnswer)
            .NothingMore()
            .StartTestAsync();
        Assert.Empty(h.Events.Named(OutcomeEventNames.QualificationCompleted));
    }

    [Fact]
    public void The_shipped_handoff_phrases_are_the_ones_the_journey_uses()
    {
        // The journey adds no phrases of its own: it uses the engine's set, minus the pre-handoff text.
        var options = new InterruptionOptions();
        var journey = new StandardInterruptions(new InterruptionOptions { HandoffText = null });
        foreach (var phrase in options.HandoffPhrases.Concat(options.HandoffWords))
        {
            Assert.True(journey.IsHandoffRequest(phrase), phrase);
        }
        Assert.False(journey.IsHandoffRequest("How do I add a user to my portal?"));
    }
}
