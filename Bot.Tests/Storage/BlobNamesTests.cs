using ChatBot.Storage;

namespace ChatBot.Tests.Storage;

public class BlobNamesTests
{
    [Theory]
    [InlineData("plain-key_1", "items/plain-key_1")]
    [InlineData("a/b/c", "items/a/b/c")]
    [InlineData("/lead//double/trail/", "items/~2Flead/~2Fdouble/trail~2F")]
    [InlineData("dots/../x.", "items/dots/~2E~2E/x~2E")]
    [InlineData(@"back\slash?q#h%~", "items/back~5Cslash~3Fq~23h~25~7E")]
    [InlineData("é😀", "items/~C3~A9~F0~9F~98~80")]
    public void Keys_map_to_the_documented_names(string key, string name) => Assert.Equal(name, BlobNames.ForKey("items/", key));

    [Theory]
    [InlineData("a/b/c")]
    [InlineData("/x//y/")]
    [InlineData("ünï/中文 ~2F%2F")]
    public void Short_names_unescape_to_their_key(string key) => Assert.Equal(key, BlobNames.Unescape(BlobNames.ForKey("", key)));

    [Fact]
    public void Long_keys_keep_a_head_and_end_in_a_hash_within_the_limit()
    {
        var key = new string('a', 2000);
        var other = new string('a', 1999) + "b";

        var name = BlobNames.ForKey("items/", key);

        Assert.True(name.Length <= BlobNames.MaxNameLength);
        Assert.StartsWith("items/aaaa", name);
        Assert.Matches("~~[0-9A-F]{64}$", name);
        Assert.NotEqual(name, BlobNames.ForKey("items/", other));
        Assert.Equal(name, BlobNames.ForKey("items/", key));
    }

    [Fact]
    public void Too_many_segments_is_hashed_too_and_the_head_has_no_separators()
    {
        var name = BlobNames.ForKey("items/", string.Concat(Enumerable.Repeat("s/", 300)) + "end");

        Assert.Equal(1, name.Count(c => c == '/'));
        Assert.Contains("~~", name);
    }

    [Fact]
    public void A_segment_escapes_every_slash() => Assert.Equal("a~2Fb", BlobNames.Segment("a/b"));
}
