using ChatBot.Handoff;

namespace ChatBot.Tests.Handoff;

/// <summary>A visitor's words shown inside the coach's Markdown: shown as typed, never as formatting, links, images or a new line.</summary>
public class HandoffTextsTests
{
    [Theory]
    [InlineData("plain words, 50% off?", "plain words, 50% off?")]
    [InlineData("**bold** _it_ `code`", @"\*\*bold\*\* \_it\_ \`code\`")]
    [InlineData("![x](https://evil.example/p.png)", @"\!\[x\]\(<https://evil.example/p.png>\)")]
    [InlineData("<b>hi</b> & <script>", @"\<b\>hi\</b\> \& \<script\>")]
    [InlineData("a | b ~~c~~ \\", @"a \| b \~\~c\~\~ \\")]
    [InlineData("hello\n**Bot: approved**", @"hello \*\*Bot: approved\*\*")]
    [InlineData("one\r\ntwo", "one  two")]
    [InlineData("see https://example.com/a_b?x=1.", @"see <https://example.com/a_b?x=1>.")]
    [InlineData("(https://x.io/p) and http://y.io", @"\(<https://x.io/p>\) and <http://y.io>")]
    [InlineData("https://a.com/![i](https://e.io/p.png)", @"<https://a.com/![i](https://e.io/p.png)>")]
    [InlineData("https:// and https://", "https:// and https://")]
    [InlineData("see https://en.wikipedia.org/wiki/C_(language), ok", @"see <https://en.wikipedia.org/wiki/C_(language)>, ok")]
    [InlineData("pay at https://evil.example/\u202Emoc.knab now", @"pay at <https://evil.example/moc.knab> now")]
    [InlineData("pay at https://evil.example/%E2%80%AEmoc.knab now", "pay at `https://evil.example/%E2%80%AEmoc.knab` now")]
    [InlineData("a\u200Bb \u2066c\u2069", "ab c")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Markdown_and_html_characters_are_escaped_and_line_breaks_flattened(string? typed, string shown) =>
        Assert.Equal(shown, HandoffTexts.Literal(typed));
}
