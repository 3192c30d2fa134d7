using ChatBot.Dialogs.Prospects;
using ChatBot.Tests.Faq;

namespace ChatBot.Tests.Prospects;

/// <summary>The per-seat prices come from the knowledge base's price list only, and the estimate is seats × price.</summary>
public class PlanPricesTests
{
    [Fact]
    public void The_shipped_price_list_gives_the_paid_plans_and_the_enterprise_minimum()
    {
        var prices = PlanPrices.Read(FaqTestSupport.Recognizer().FindEntry("kb-001")!.Answer);
        Assert.Equal(
            [new PlanPrice("Starter", 20m, 1), new PlanPrice("Professional", 80m, 1), new PlanPrice("Enterprise", 140m, 10)],
            prices);
    }

    [Fact]
    public void A_changed_price_in_the_knowledge_base_changes_the_estimate()
    {
        var prices = PlanPrices.Read("**Starter** ($22.50 per seat per month billed annually, or $25 month-to-month) and **Team Plus** ($1,200 per user per month, billed annually with a 3-user minimum).");
        Assert.Equal([new PlanPrice("Starter", 22.5m, 1), new PlanPrice("Team Plus", 1200m, 3)], prices);
        Assert.Equal("For 4 people on Starter: 4 seats × $22.50 per seat per month = $90 a month, billed annually ($1,080 a year).", JourneyTexts.Estimate(prices[0], 4));
        Assert.Equal("For just you on Team Plus: the 3-seat minimum × $1,200 per seat per month = $3,600 a month, billed annually ($43,200 a year).", JourneyTexts.Estimate(prices[1], 1));
        Assert.Empty(PlanPrices.Read("Larkspur is free."));
    }

    [Theory]
    [InlineData("how much is the professional plan?", "Professional")]
    [InlineData("what would Pro cost us", "Professional")]
    [InlineData("Enterprise pricing", "Enterprise")]
    [InlineData("starter or professional?", null)]
    [InlineData("how much is it?", null)]
    [InlineData("can I start a trial", null)]
    public void The_plan_named_in_a_message(string message, string? plan)
    {
        var prices = PlanPrices.Read(FaqTestSupport.Recognizer().FindEntry("kb-001")!.Answer);
        Assert.Equal(plan, PlanPrices.NamedIn(message, prices)?.Plan);
    }
}
