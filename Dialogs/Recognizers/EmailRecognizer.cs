using System.Globalization;
using System.Text.RegularExpressions;

namespace ChatBot.Dialogs.Recognizers;

/// <summary>
/// A practical email check: finds the address in the answer ("it's Jane.Doe@Example.com, thanks"),
/// accepts what real mail systems accept (plus tags, dots, hyphens, subdomains, long and
/// international domains) and rejects obvious junk (no domain dot, single-letter TLD, spaces,
/// double dots, "user@localhost", "test@test", placeholders like "test@test.com", and typos that never deliver
/// such as "gmial.com" or ".con"). The domain is returned in lower case; the local part
/// is kept as typed.
/// </summary>
public static partial class EmailRecognizer
{
    private static readonly IdnMapping Idn = new();

    // What people type to get past a form: "test@test.com", "no@no.com", "fake@fake.com".
    private static readonly HashSet<string> Placeholders = new(StringComparer.Ordinal)
    {
        "test", "asdf", "qwerty", "email", "mail", "none", "no", "na", "nope", "fake", "abc", "xxx", "aaa", "a", "x",
        "foo", "bar", "noemail", "nomail", "nothing", "null", "blah",
    };

    // Typos of the big providers and of ".com" that never deliver.
    private static readonly HashSet<string> TypoDomains = new(StringComparer.Ordinal)
    {
        "gmial.com", "gmal.com", "gamil.com", "gmai.com", "gnail.com", "gmail.co", "hotmial.com", "hotmal.com",
        "hotmai.com", "yaho.com", "yahooo.com", "outlok.com", "outloo.com", "iclod.com",
    };

    private static readonly HashSet<string> TypoTopLevels = new(StringComparer.Ordinal) { "con", "cmo", "ocm", "vom", "xom", "comm", "coom", "cim" };

    public static string? Recognize(string? utterance)
    {
        if (string.IsNullOrWhiteSpace(utterance))
        {
            return null;
        }
        var candidates = utterance.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(Clean)
            .Where(w => w.Contains('@'))
            .ToList();
        // One address per answer: two addresses, or "a @ b.com" with spaces, is not a clear answer.
        if (candidates.Count != 1)
        {
            return null;
        }
        return Validate(candidates[0]);
    }

    /// <summary>The normalized address, or null when <paramref name="address"/> is not a usable one.</summary>
    public static string? Validate(string address)
    {
        if (address.Length > 254 || address.Count(c => c == '@') != 1)
        {
            return null;
        }
        var at = address.IndexOf('@');
        var local = address[..at];
        var domain = address[(at + 1)..].TrimEnd('.').ToLowerInvariant();
        if (local.Length is 0 or > 64 || !LocalPart().IsMatch(local) || local.StartsWith('.') || local.EndsWith('.') || local.Contains(".."))
        {
            return null;
        }

        string ascii;
        try
        {
            ascii = Idn.GetAscii(domain);
        }
        catch (ArgumentException)
        {
            return null;
        }
        var labels = ascii.Split('.');
        if (labels.Length < 2 || labels.Any(l => l.Length is 0 or > 63 || !DomainLabel().IsMatch(l)))
        {
            return null;
        }
        var tld = labels[^1];
        if (!(TopLevel().IsMatch(tld) || tld.StartsWith("xn--", StringComparison.Ordinal)))
        {
            return null;
        }
        if (labels.Length == 2 && labels[0] == tld)
        {
            return null;
        }
        var lowerLocal = local.ToLowerInvariant();
        if ((Placeholders.Contains(lowerLocal) && Placeholders.Contains(labels[0])) || TypoDomains.Contains(ascii) || TypoTopLevels.Contains(tld))
        {
            return null;
        }
        return local + "@" + domain;
    }

    /// <summary>Strips what surrounds an address in chat: "mailto:", brackets, quotes, trailing punctuation.</summary>
    private static string Clean(string word)
    {
        var w = word.Trim().Trim('<', '>', '(', ')', '[', ']', '"', '\'', '“', '”', ',', ';', ':', '!', '?').TrimEnd('.');
        return w.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? w[7..] : w;
    }

    [GeneratedRegex(@"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.\-]+$")]
    private static partial Regex LocalPart();

    [GeneratedRegex(@"^[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?$")]
    private static partial Regex DomainLabel();

    [GeneratedRegex(@"^[a-z]{2,63}$")]
    private static partial Regex TopLevel();
}
