using ChatBot.Dialogs.Prompts;
using ChatBot.Dialogs.Recognizers;

namespace ChatBot.Tests.Dialogs;

public class NumberRecognizerTests
{
    [Theory]
    [InlineData("50", 50)]
    [InlineData("1,200", 1200)]
    [InlineData("12,000,000", 12_000_000)]
    [InlineData("1'200", 1200)]
    [InlineData("1\u00A0200", 1200)]
    [InlineData("3.5", 3.5)]
    [InlineData("1,234.5", 1234.5)]
    [InlineData("5k", 5000)]
    [InlineData("1.5k", 1500)]
    [InlineData("2 million", 2_000_000)]
    [InlineData("$250", 250)]
    [InlineData("we have 35 employees", 35)]
    [InlineData("-5", -5)]
    public void Digits_with_separators_and_multipliers(string answer, double expected) =>
        AssertValue(answer, expected, approximate: false);

    [Theory]
    [InlineData("fifty", 50)]
    [InlineData("Twenty-five", 25)]
    [InlineData("twenty five", 25)]
    [InlineData("a hundred", 100)]
    [InlineData("one hundred and twenty", 120)]
    [InlineData("two thousand three hundred", 2300)]
    [InlineData("a dozen", 12)]
    [InlineData("three million", 3_000_000)]
    [InlineData("zero", 0)]
    public void Number_words(string answer, double expected) => AssertValue(answer, expected, approximate: false);

    [Theory]
    [InlineData("about 50", 50)]
    [InlineData("~50", 50)]
    [InlineData("around fifty", 50)]
    [InlineData("50ish", 50)]
    [InlineData("50-ish", 50)]
    [InlineData("roughly 2k", 2000)]
    [InlineData("approx. 300", 300)]
    [InlineData("100 or so", 100)]
    public void Approximate_forms(string answer, double expected) => AssertValue(answer, expected, approximate: true);

    [Theory]
    [InlineData("10-50", 10d, 50d)]
    [InlineData("10 - 50", 10d, 50d)]
    [InlineData("10–50", 10d, 50d)]
    [InlineData("between 10 and 50", 10d, 50d)]
    [InlineData("from 10 to 50", 10d, 50d)]
    [InlineData("ten to fifty", 10d, 50d)]
    [InlineData("10-50k", 10_000, 50_000)]
    [InlineData("1k-5k", 1000d, 5000d)]
    [InlineData("50 to 10", 10d, 50d)]
    public void Ranges(string answer, double min, double max)
    {
        var result = NumberRecognizer.Recognize(answer);
        Assert.NotNull(result);
        Assert.True(result.IsRange);
        Assert.Null(result.Value);
        Assert.Equal(min, result.Min);
        Assert.Equal(max, result.Max);
    }

    [Fact]
    public void Approximate_range()
    {
        var result = NumberRecognizer.Recognize("roughly 20-30");
        Assert.NotNull(result);
        Assert.Equal((20d, 30d, true), (result.Min!.Value, result.Max!.Value, result.Approximate));
        Assert.Equal(25, result.Estimate);
    }

    [Theory]
    [InlineData("50+", 50d, null)]
    [InlineData("more than 200", 200d, null)]
    [InlineData("at least 10", 10d, null)]
    [InlineData("500 or more", 500d, null)]
    [InlineData("under 10", null, 10d)]
    [InlineData("less than 5", null, 5d)]
    [InlineData("up to 20", null, 20d)]
    public void Open_ended_ranges(string answer, double? min, double? max)
    {
        var result = NumberRecognizer.Recognize(answer);
        Assert.NotNull(result);
        Assert.True(result.IsRange);
        Assert.Equal(min, result.Min);
        Assert.Equal(max, result.Max);
    }

    [Theory]
    [InlineData("")]
    [InlineData("lots")]
    [InlineData("no idea")]
    [InlineData("2nd")]
    [InlineData("5kg")]
    [InlineData("3 offices and 40 people")]
    [InlineData("1 2 3")]
    [InlineData(null)]
    public void Non_numbers_and_unclear_answers(string? answer) => Assert.Null(NumberRecognizer.Recognize(answer));

    private static void AssertValue(string answer, double expected, bool approximate)
    {
        var result = NumberRecognizer.Recognize(answer);
        Assert.NotNull(result);
        Assert.False(result.IsRange);
        Assert.Equal(expected, result.Value);
        Assert.Equal(approximate, result.Approximate);
    }
}
