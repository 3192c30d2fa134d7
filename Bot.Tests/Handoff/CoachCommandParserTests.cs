using ChatBot.Handoff.Commands;

namespace ChatBot.Tests.Handoff;

public class CoachCommandParserTests
{
    [Theory]
    [InlineData("queue", CoachCommandKind.Queue, null, null)]
    [InlineData("  Queue ", CoachCommandKind.Queue, null, null)]
    [InlineData("accept next", CoachCommandKind.Accept, null, null)]
    [InlineData("accept 12", CoachCommandKind.Accept, 12, null)]
    [InlineData("accept #7", CoachCommandKind.Accept, 7, null)]
    [InlineData("/end", CoachCommandKind.End, null, "resolved")]
    [InlineData("end qualified", CoachCommandKind.End, null, "qualified")]
    [InlineData("end Not-Qualified", CoachCommandKind.End, null, "not-qualified")]
    [InlineData("transfer support", CoachCommandKind.Transfer, null, "support")]
    [InlineData("note  called back   twice", CoachCommandKind.Note, null, "called back   twice")]
    [InlineData("available", CoachCommandKind.Available, null, null)]
    [InlineData("away", CoachCommandKind.Away, null, null)]
    [InlineData("help", CoachCommandKind.Help, null, null)]
    public void Reads_commands(string text, CoachCommandKind kind, int? ticket, string? argument)
    {
        Assert.Equal(new CoachCommand(kind, ticket, argument), CoachCommandParser.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("End of month works for us")]
    [InlineData("end maybe")]
    [InlineData("accept")]
    [InlineData("accept 0")]
    [InlineData("accept the offer")]
    [InlineData("queue is long today")]
    [InlineData("transfer")]
    [InlineData("note")]
    [InlineData("I'll be away tomorrow")]
    public void Everything_else_is_a_message(string text)
    {
        Assert.Null(CoachCommandParser.Parse(text));
    }
}
