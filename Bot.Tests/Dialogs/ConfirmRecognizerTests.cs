using ChatBot.Dialogs.Recognizers;

namespace ChatBot.Tests.Dialogs;

public class ConfirmRecognizerTests
{
    [Theory]
    [InlineData("yes")]
    [InlineData("Yes!")]
    [InlineData("y")]
    [InlineData("yeah")]
    [InlineData("yep")]
    [InlineData("Sure")]
    [InlineData("sure thing")]
    [InlineData("ok")]
    [InlineData("of course")]
    [InlineData("yes please")]
    [InlineData("absolutely")]
    [InlineData("sí")]
    [InlineData("si")]
    [InlineData("Oui")]
    [InlineData("ja")]
    [InlineData("是")]
    [InlineData("是的")]
    [InlineData("是的。")]
    [InlineData("👍")]
    [InlineData("👍🏽")]
    [InlineData("👍👍")]
    [InlineData("no problem")]
    public void Yes_forms(string answer) => Assert.True(ConfirmRecognizer.Recognize(answer));

    [Theory]
    [InlineData("no")]
    [InlineData("No.")]
    [InlineData("n")]
    [InlineData("nope")]
    [InlineData("nah")]
    [InlineData("no thanks")]
    [InlineData("not really")]
    [InlineData("non")]
    [InlineData("nein")]
    [InlineData("不是")]
    [InlineData("不")]
    [InlineData("👎")]
    [InlineData("I don't want that")]
    public void No_forms(string answer) => Assert.False(ConfirmRecognizer.Recognize(answer));

    [Theory]
    [InlineData("")]
    [InlineData("maybe")]
    [InlineData("not sure")]
    [InlineData("I don't know")]
    [InlineData("yes no")]
    [InlineData("what is the price?")]
    [InlineData("👍👎")]
    [InlineData(null)]
    public void Unclear_answers_are_not_guessed(string? answer) => Assert.Null(ConfirmRecognizer.Recognize(answer));
}
