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
            // The plan and the size are known: the salesperson's sum, from the knowledge base's price.
            .Bot("For 40 people on Professional: 40 seats × $80 per seat per month = $3,200 a month, billed annually ($38,400 a year).")
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
                // Short titles that send the full question.
                Assert.Equal(
                    ["Do you offer a free trial?", "Is there a free plan?", "Starter vs Professional", JourneyTexts.TalkToPerson],
                    TranscriptAssertions.Buttons(message));
                Assert.Equal("What's the difference between Starter and Professional?", message.SuggestedActions.Actions[2].Value);
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
            .Send("lots").Bot(JourneyTexts.SizeRetry(20, "10-49"), Sizes)
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

    [Fact]
    public async Task A_second_refused_address_is_said_to_be_not_taken()
    {
        await using var h = new JourneyHarness();
        await h.Start(h.Conversation())
            .BotSaysAnything()
            .Send("What are your prices?").BotSaysAnything().BotSaysAnything().Bot(JourneyTexts.RoleQuestion)
            .Send("Sales").Bot(JourneyTexts.SizeQuestion)
            .Send("40").Bot(JourneyTexts.UseCaseQuestion)
            .Send("Sales pipeline").Bot(JourneyTexts.TimelineQuestion)
            .Send("this month").Bot(JourneyTexts.EmailQuestion)
            .Send("jane.doe@acme,com").Bot(JourneyTexts.EmailRetry, JourneyTexts.Skip)
            .Send("jane.doe@acme.con").Bot(JourneyTexts.EmailNotTaken)
            .StartTestAsync();
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

    // Said by the bot after a qualification, written out so the transcripts read like the conversation.
    private const string OfferSalesText = "Would you like to go through it with someone from our sales team?";
    private const string OfferDemoText = "Our sales team runs the demos. Tap below and someone will set one up with you.";
    private const string JustAnswered = "That's in my answer just above.";

    /// <summary>Qualifies a prospect (Sales, 40, Sales pipeline, This month, jane@acme.com, consent): score 100.</summary>
    private static Microsoft.Bot.Builder.Adapters.TestFlow QualifiedAsync(JourneyHarness h, string conversation = "conversation-1") =>
        h.Start(h.Conversation(conversation))
            .BotSaysAnything()
            .Send("how much is the professional plan, we are 40 people").BotSaysAnything().BotSaysAnything().BotSaysAnything().Bot(JourneyTexts.RoleQuestion)
            .Send("Sales").Bot(JourneyTexts.UseCaseQuestion)
            .Send("Sales pipeline").Bot(JourneyTexts.TimelineQuestion)
            .Send("This month").Bot(JourneyTexts.EmailQuestion)
            .Send("jane@acme.com").Bot(JourneyTexts.ConsentQuestion("jane@acme.com"))
            .Send("yes").Bot(JourneyTexts.Qualified).Bot(RecordingHandoffRequester.Queued("sales"));

    [Fact]
    public async Task After_the_qualification_price_and_demo_questions_are_answered_and_sales_is_offered_not_asked_or_queued_again()
    {
        await using var h = new JourneyHarness();
        var prices = h.Faq.FindEntry("kb-001")!.Answer;
        await QualifiedAsync(h)
            // Nobody took the chat: the conversation is the bot's again (the reviewer's case).
            .Send(JourneyHarness.CoachEnded(outcome: "missed", coachHandled: false)).Bot(JourneyTexts.AnythingElse().Text)
            .Send("so how much would professional be for us per month?")
            .AssertReply(a => Assert.Equal(prices, a.AsMessageActivity().Text))
            // The size from the qualification and the plan from the question.
            .Bot("For 40 people on Professional: 40 seats × $80 per seat per month = $3,200 a month, billed annually ($38,400 a year).")
            .Bot(OfferSalesText, "Talk to sales")
            // Right after the price list: not shown again.
            .Send("Pricing").Bot(JustAnswered).Bot(OfferSalesText, "Talk to sales")
            .Send("Book a demo").Bot(OfferDemoText, "Book a demo with sales")
            // The visitor taps the button: now a person.
            .Send("Book a demo with sales").Bot(RecordingHandoffRequester.Queued("sales"))
            .NothingMore()
            .StartTestAsync();

        Assert.Single(h.Events.Named(OutcomeEventNames.QualificationCompleted));
        var requests = h.Handoff.Requests.Select(r => r.Request).ToList();
        Assert.Equal(2, requests.Count);
        Assert.Equal(("sales", JourneyIntents.Demo, "asked for a demo"), (requests[1].Team, requests[1].Intent, requests[1].Reason));
        // The salesperson still gets the qualification's answers.
        Assert.StartsWith("Role: Sales · Size: 40 · Use: Sales pipeline · Timeline: This month · Email: jane@acme.com (ok to email)", requests[1].QualificationSummary);
        Assert.Equal(["kb-001", "kb-001"], h.Events.Named(OutcomeEventNames.FaqAnswered).Select(e => e.FaqEntryId));
    }

    [Fact]
    public async Task A_demo_request_that_does_not_qualify_still_gets_a_demo_with_sales_offered()
    {
        await using var h = new JourneyHarness();
        await h.Start(h.Conversation())
            .BotSaysAnything()
            .Send(JourneyTexts.BookDemo).BotSaysAnything().Bot(JourneyTexts.RoleQuestion)
            .Send("Other").Bot(JourneyTexts.SizeQuestion)
            .Send("2").Bot(JourneyTexts.UseCaseQuestion)
            .Send("Customer support").Bot(JourneyTexts.TimelineQuestion)
            .Send("Just looking").Bot(JourneyTexts.EmailQuestion)
            .Send("skip").AssertReply(a =>
            {
                var message = a.AsMessageActivity();
                Assert.StartsWith("Thanks, that's all I need. Our sales team runs the demos: tap \"Book a demo with sales\"", message.Text);
                Assert.Equal(
                    ["Book a demo with sales", "Do you offer a free trial?", "Is there a free plan?", "Starter vs Professional"],
                    TranscriptAssertions.Buttons(message));
            })
            .Send("Book a demo with sales").Bot(RecordingHandoffRequester.Queued("sales"))
            .NothingMore()
            .StartTestAsync();
        var request = Assert.Single(h.Handoff.Requests).Request;
        Assert.Equal((JourneyIntents.Demo, VisitorTypes.Prospect), (request.Intent, request.VisitorType));
        Assert.Contains("not qualified", request.QualificationSummary);
    }

    [Fact]
    public async Task Questions_during_the_qualification_are_answered_or_kept_for_the_coach_and_never_taken_as_answers()
    {
        await using var h = new JourneyHarness();
        await h.Start(h.Conversation())
            .BotSaysAnything()
            .Send("Pricing").BotSaysAnything().BotSaysAnything().Bot(JourneyTexts.RoleQuestion)
            .Send("Sales").Bot(JourneyTexts.SizeQuestion)
            .Send("skip").Bot(JourneyTexts.UseCaseQuestion)
            // "email" is a synonym of Marketing email: not when it sits in a question.
            .Send("do you integrate with gmail?")
            .AssertReply(a => Assert.Equal(h.Faq.FindEntry("kb-054")!.Answer, a.AsMessageActivity().Text))
            .Bot(JourneyTexts.UseCaseQuestion, UseCases)
            // The same answer right after it: not sent twice.
            .Send("wait, how do I connect my gmail inbox to Larkspur?").Bot(JustAnswered).Bot(JourneyTexts.UseCaseQuestion)
            .Send("do you integrate with hubspot?").Bot("Good question. Someone from our team can go through that with you once we're done here.").Bot(JourneyTexts.UseCaseQuestion, UseCases)
            .Send("Sales pipeline").Bot(JourneyTexts.TimelineQuestion)
            .Send("why do you need that?").Bot(JourneyTexts.QualificationHelp).Bot(JourneyTexts.TimelineQuestion, Timelines)
            // No question mark, but it starts like a question.
            .Send("is there a mobile app")
            .AssertReply(a => Assert.Equal(h.Faq.FindEntry("kb-074")!.Answer, a.AsMessageActivity().Text))
            .Bot(JourneyTexts.TimelineQuestion)
            .Send("This month").Bot(JourneyTexts.EmailQuestion)
            .Send("skip").Bot(JourneyTexts.Qualified).Bot(RecordingHandoffRequester.Queued("sales"))
            .NothingMore()
            .StartTestAsync();

        // Sales 20 + Sales pipeline 20 + This month 30.
        var completed = Assert.Single(h.Events.Named(OutcomeEventNames.QualificationCompleted));
        Assert.Equal((70.0, true), (completed.Score, completed.Qualified));
        Assert.Equal("Sales pipeline", (await h.StoredProfileAsync())!.UseCase);
        Assert.EndsWith("\nAsked meanwhile: \"do you integrate with hubspot?\"", Assert.Single(h.Handoff.Requests).Request.QualificationSummary);
        Assert.Equal("do you integrate with hubspot?", Assert.Single(h.Events.Named(OutcomeEventNames.FaqUnanswered)).Question);
        Assert.Equal(["kb-001", "kb-054", "kb-074"], h.Events.Named(OutcomeEventNames.FaqAnswered).Select(e => e.FaqEntryId));
    }

    [Theory]
    [InlineData("Sales?")]
    [InlineData("sales")]
    public async Task An_offered_answer_with_a_question_mark_is_still_the_answer(string answer)
    {
        await using var h = new JourneyHarness();
        await h.Start(h.Conversation())
            .BotSaysAnything()
            .Send("Pricing").BotSaysAnything().BotSaysAnything().Bot(JourneyTexts.RoleQuestion)
            .Send(answer).Bot(JourneyTexts.SizeQuestion)
            .Send("about 20?").Bot(JourneyTexts.UseCaseQuestion)
            .NothingMore()
            .StartTestAsync();
    }

    [Theory]
    [InlineData(JourneyTexts.RoleQuestion, new string[0])]
    [InlineData(JourneyTexts.SizeQuestion, new[] { "Sales" })]
    [InlineData(JourneyTexts.EmailQuestion, new[] { "Sales", "40", "Sales pipeline", "This month" })]
    [InlineData("Is it OK if our sales team emails you at kim@northwind.example.com?", new[] { "Sales", "40", "Sales pipeline", "This month", "kim@northwind.example.com" })]
    public async Task A_question_at_any_step_is_answered_and_the_step_asked_again(string step, string[] answersBefore)
    {
        await using var h = new JourneyHarness();
        var flow = h.Start(h.Conversation()).BotSaysAnything()
            .Send("Pricing").BotSaysAnything().BotSaysAnything().Bot(JourneyTexts.RoleQuestion);
        foreach (var answer in answersBefore)
        {
            flow = flow.Send(answer).BotSaysAnything();
        }
        await flow
            .Send("wait, how do I connect my gmail inbox to Larkspur?")
            .AssertReply(a => Assert.Equal(h.Faq.FindEntry("kb-054")!.Answer, a.AsMessageActivity().Text))
            .Bot(step)
            .NothingMore()
            .StartTestAsync();
        Assert.Empty(h.Events.Named(OutcomeEventNames.QualificationCompleted));
    }

    [Fact]
    public async Task A_new_email_at_the_consent_question_replaces_the_old_one_and_consent_is_asked_for_it()
    {
        await using var h = new JourneyHarness();
        await h.Start(h.Conversation())
            .BotSaysAnything()
            .Send("Pricing").BotSaysAnything().BotSaysAnything().Bot(JourneyTexts.RoleQuestion)
            .Send("Sales").Bot(JourneyTexts.SizeQuestion)
            .Send("40").Bot(JourneyTexts.UseCaseQuestion)
            .Send("Sales pipeline").Bot(JourneyTexts.TimelineQuestion)
            .Send("This month").Bot(JourneyTexts.EmailQuestion)
            .Send("joe@gmail.com").Bot(JourneyTexts.ConsentQuestion("joe@gmail.com"))
            // An address that would not deliver is neither taken nor read as "no".
            .Send("no wait, joe@acmeplumbing").Bot("That doesn't look like a full email address, so I still have joe@gmail.com.").Bot(JourneyTexts.ConsentQuestion("joe@gmail.com"))
            .Send("hmm no wait, use joe@acmeplumbing.com").Bot("Got it, I'll use joe@acmeplumbing.com.")
            .Bot(JourneyTexts.ConsentQuestion("joe@acmeplumbing.com"))
            .Send("yes").Bot(JourneyTexts.Qualified).Bot(RecordingHandoffRequester.Queued("sales"))
            .NothingMore()
            .StartTestAsync();

        var profile = (await h.StoredProfileAsync())!;
        Assert.Equal(("joe@acmeplumbing.com", true, "acmeplumbing.com"), (profile.Email, profile.ContactConsent, profile.Company));
        // Sales 20 + 10-49 20 + Sales pipeline 20 + This month 30 + a work email 10.
        Assert.Equal(100, profile.QualificationScore);
        Assert.Equal("joe@acmeplumbing.com", Assert.Single(h.Handoff.Requests).Request.VisitorEmail);
    }

    [Fact]
    public async Task Without_consent_the_coach_summary_does_not_show_the_email()
    {
        await using var h = new JourneyHarness();
        await h.Start(h.Conversation())
            .BotSaysAnything()
            .Send("Pricing").BotSaysAnything().BotSaysAnything().Bot(JourneyTexts.RoleQuestion)
            .Send("Founder or owner").Bot(JourneyTexts.SizeQuestion)
            .Send("60").Bot(JourneyTexts.UseCaseQuestion)
            .Send("Sales pipeline").Bot(JourneyTexts.TimelineQuestion)
            .Send("This month").Bot(JourneyTexts.EmailQuestion)
            .Send("joe@gmail.com").Bot(JourneyTexts.ConsentQuestion("joe@gmail.com"))
            .Send("no").Bot(JourneyTexts.Qualified).Bot(RecordingHandoffRequester.Queued("sales"))
            .NothingMore()
            .StartTestAsync();
        var request = Assert.Single(h.Handoff.Requests).Request;
        Assert.Null(request.VisitorEmail);
        Assert.DoesNotContain("joe@", request.QualificationSummary);
        Assert.Contains("Email: personal address given, no consent to email", request.QualificationSummary);
    }

    [Fact]
    public async Task Just_me_is_a_team_of_one_and_a_size_said_later_fills_a_skipped_one()
    {
        await using var h = new JourneyHarness();
        await h.Start(h.Conversation())
            .BotSaysAnything()
            .Send("Pricing").BotSaysAnything().BotSaysAnything().Bot(JourneyTexts.RoleQuestion)
            .Send("Founder or owner").Bot(JourneyTexts.SizeQuestion)
            .Send("just me").Bot(JourneyTexts.UseCaseQuestion)
            .NothingMore()
            .StartTestAsync();

        await using var later = new JourneyHarness();
        await later.Start(later.Conversation())
            .BotSaysAnything()
            .Send("Pricing").BotSaysAnything().BotSaysAnything().Bot(JourneyTexts.RoleQuestion)
            .Send("Founder or owner").Bot(JourneyTexts.SizeQuestion)
            .Send("skip").Bot(JourneyTexts.UseCaseQuestion)
            .Send("we are 12 people").Bot("Got it, a team of 12.").Bot(JourneyTexts.UseCaseQuestion, UseCases)
            .Send("A bit of everything").Bot(JourneyTexts.TimelineQuestion)
            .Send("This month").Bot(JourneyTexts.EmailQuestion)
            .Send("skip").Bot(JourneyTexts.Qualified).Bot(RecordingHandoffRequester.Queued("sales"))
            .NothingMore()
            .StartTestAsync();
        // Founder 25 + 10-49 20 + everything 25 + this month 30.
        Assert.Equal((100.0, true), (Assert.Single(later.Events.Named(OutcomeEventNames.QualificationCompleted)).Score, true));
        Assert.Equal(12, (await later.StoredProfileAsync())!.CompanySize);
    }

    [Fact]
    public async Task The_size_retry_gives_examples_that_fit_the_bands()
    {
        await using var h = new JourneyHarness();
        await h.Start(h.Conversation())
            .BotSaysAnything()
            .Send("Pricing").BotSaysAnything().BotSaysAnything().Bot(JourneyTexts.RoleQuestion)
            .Send("Sales").Bot(JourneyTexts.SizeQuestion)
            .Send("lots").Bot("A number is fine, even a rough one like \"about 20\" or \"10-49\".", Sizes)
            .StartTestAsync();
        // Both examples fall in one band.
        Assert.Same(h.Qualification.BandFor(20), h.Qualification.BandFor(10));
        Assert.Same(h.Qualification.BandFor(20), h.Qualification.BandFor(49));
    }

    [Fact]
    public async Task Enterprise_for_a_small_team_is_estimated_at_its_seat_minimum()
    {
        await using var h = new JourneyHarness();
        await h.Start(h.Conversation())
            .BotSaysAnything()
            .Send("How much is Enterprise for 5 people?")
            .AssertReply(a => Assert.Equal(h.Faq.FindEntry("kb-005")!.Answer, a.AsMessageActivity().Text))
            .Bot("For 5 people on Enterprise: the 10-seat minimum × $140 per seat per month = $1,400 a month, billed annually ($16,800 a year).")
            .BotStartsWith("I can help you find the right plan for your team of 5.")
            .Bot(JourneyTexts.RoleQuestion)
            .NothingMore()
            .StartTestAsync();
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
