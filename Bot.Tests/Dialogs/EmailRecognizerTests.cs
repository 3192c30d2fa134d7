using ChatBot.Dialogs.Recognizers;

namespace ChatBot.Tests.Dialogs;

public class EmailRecognizerTests
{
    [Theory]
    [InlineData("jane@example.com", "jane@example.com")]
    [InlineData("Jane.Doe@Example.COM", "Jane.Doe@example.com")]
    [InlineData("jane+crm@larkspur.io", "jane+crm@larkspur.io")]
    [InlineData("j.o'neil@mail.co.uk", "j.o'neil@mail.co.uk")]
    [InlineData("first_last-1@sub.dept.company.museum", "first_last-1@sub.dept.company.museum")]
    [InlineData("it's jane@example.com, thanks", "jane@example.com")]
    [InlineData("<jane@example.com>", "jane@example.com")]
    [InlineData("mailto:jane@example.com", "jane@example.com")]
    [InlineData("jane@example.com.", "jane@example.com")]
    [InlineData("anna@bücher.de", "anna@bücher.de")]
    [InlineData("x@xn--80ak6aa92e.com", "x@xn--80ak6aa92e.com")]
    [InlineData("test@larkspur.io", "test@larkspur.io")]
    [InlineData("jane@gmail.com", "jane@gmail.com")]
    [InlineData("ops@company.cm", "ops@company.cm")]
    public void Real_world_addresses_are_accepted(string answer, string expected) =>
        Assert.Equal(expected, EmailRecognizer.Recognize(answer));

    [Theory]
    [InlineData("jane")]
    [InlineData("jane@")]
    [InlineData("@example.com")]
    [InlineData("jane@example")]
    [InlineData("jane@localhost")]
    [InlineData("jane@example.c")]
    [InlineData("jane@@example.com")]
    [InlineData("jane..doe@example.com")]
    [InlineData(".jane@example.com")]
    [InlineData("jane@-example.com")]
    [InlineData("jane@example..com")]
    [InlineData("jane@ example.com")]
    [InlineData("jane@exa mple.com")]
    [InlineData("test@test")]
    [InlineData("a@com.com")]
    [InlineData("jane@example.123")]
    [InlineData("a@b.com and c@d.com")]
    [InlineData("no thanks")]
    [InlineData("test@test.com")]
    [InlineData("no@no.com")]
    [InlineData("Fake@fake.org")]
    [InlineData("jane@gmial.com")]
    [InlineData("jane@gmail.con")]
    [InlineData("jane@company.cmo")]
    [InlineData("")]
    public void Junk_is_rejected(string answer) => Assert.Null(EmailRecognizer.Recognize(answer));
}
