using ChatBot.Handoff.Requests;

namespace ChatBot.Handoff;

/// <summary>Everything the handoff says to visitors and coaches, in one place.</summary>
public static partial class HandoffTexts
{
    public static string Wait(int acceptTimeoutSeconds) =>
        acceptTimeoutSeconds <= 90 ? "a minute" : $"{(int)Math.Ceiling(acceptTimeoutSeconds / 60.0)} minutes";

    public static string Queued(string team, int position, int acceptTimeoutSeconds) =>
        // The accept timeout is a promise we keep (the visitor hears back by then), not a measured answer time.
        $"I'm getting you a person from our {team} team. You are number {position} in line; if nobody can take your chat within {Wait(acceptTimeoutSeconds)}, I'll let you know. " +
        "You can keep typing here and they will see it. Say \"never mind\" to leave the queue.";

    public static string StillQueued(int position) =>
        $"Thanks, the coach will see that. You are number {position} in line.";

    public static string Abandoned => "No problem, I've taken you out of the queue. I'm here if you need anything else.";

    public static string Connected(string coachName, string team) => $"You're now chatting with {coachName} from our {team} team.";

    public static string FromCoach(string coachName, string? text) => $"{coachName}: {text}";

    public static string CoachLeft(string coachName) => $"{coachName} has ended the chat. Thanks for talking with us!";

    public static string LostCoach(string coachName, int position) =>
        $"Sorry, we lost the connection to {coachName}. You're back in line as number {position}; another coach will pick up from here.";

    public static string Transferred(string coachName, string team) =>
        $"{coachName} is passing you to our {team} team. You keep your place: someone will be with you shortly.";

    public static string TransferredToCoach(string fromCoach, string toCoach) => $"{fromCoach} has passed you to {toCoach}, who can see your conversation so far.";

    public static string Missed(string reason, string team, string? knownEmail)
    {
        var why = reason switch
        {
            HandoffOutcomes.ClosedHours => $"our {team} team is out of office hours right now",
            HandoffOutcomes.NobodyAvailable => $"nobody from our {team} team is available right now",
            HandoffOutcomes.Failed => $"I couldn't reach our {team} team",
            _ => $"nobody from our {team} team could answer in time",
        };
        return knownEmail != null
            ? $"I'm sorry: {why}. A coach will email you at {knownEmail} as soon as possible."
            : $"I'm sorry: {why}. If you leave your email address, a coach will get back to you. (Or just say \"no thanks\".)";
    }

    public static string FollowUpThanks(string email) => $"Thanks! A coach will write to you at {email}.";

    public static string FollowUpDeclined => "No problem.";

    public static string FollowUpNotAnEmail => "That doesn't look like a complete email address. Could you type it again, like name@company.com? (Or say \"no thanks\".)";

    public static string ExternalInitiated(string team) => $"I'm connecting you with our {team} team. Someone will be with you shortly.";

    // Coach side.
    public static string CoachHelp =>
        "Commands: queue · accept next · accept N (a ticket number) · end qualified, end not-qualified or end resolved · " +
        "transfer followed by a team or coach · note followed by your text · available · away";

    private const string MarkdownSpecial = "\\`*_[]()!<>|~&";

    /// <summary>
    /// A visitor's words inside a message the coach's chat renders as Markdown (transcripts, queue, alerts): every
    /// Markdown or HTML character escaped and line breaks flattened, so a visitor cannot show a coach images, links,
    /// formatting or a fake "Bot:" line. A web address becomes an autolink (&lt;https://...&gt;): Markdown reads nothing
    /// inside one, and escaping it would break the link (a backslash inside it becomes part of the address).
    /// </summary>
    public static string Literal(string? text)
    {
        // Inline Markdown and HTML only: the visitor's words never start a line here, so block syntax cannot apply.
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        // Format characters (right-to-left overrides, invisible joiners) could make words or an address read as
        // something else: they go.
        text = FormatCharacters().Replace(text, "");
        var escaped = new System.Text.StringBuilder(text.Length + 8);
        var at = 0;
        foreach (System.Text.RegularExpressions.Match url in WebAddress().Matches(text))
        {
            var address = TrimAddress(url.Value);
            if (address.Length <= "https://".Length)
            {
                continue;
            }
            Escape(escaped, text.AsSpan(at, url.Index - at));
            // Web Chat shows a link percent-decoded: one hiding format or control characters is shown as code,
            // exactly as typed and not clickable (plain text would be made a link anyway).
            if (HidesCharacters(address) && !address.Contains('`'))
            {
                escaped.Append('`').Append(address).Append('`');
            }
            else if (HidesCharacters(address))
            {
                Escape(escaped, address);
            }
            else
            {
                escaped.Append('<').Append(address).Append('>');
            }
            at = url.Index + address.Length;
        }
        Escape(escaped, text.AsSpan(at));
        return escaped.ToString();
    }

    /// <summary>Punctuation after an address is the sentence's, a closing bracket only when it closes nothing inside.</summary>
    private static string TrimAddress(string address)
    {
        while (address.Length > 0)
        {
            var last = address[^1];
            var closes = last switch { ')' => '(', ']' => '[', '}' => '{', _ => '\0' };
            if (closes != '\0' && address.Count(c => c == closes) >= address.Count(c => c == last))
            {
                break;
            }
            if (closes == '\0' && !".,;:!?'\"*_~".Contains(last))
            {
                break;
            }
            address = address[..^1];
        }
        return address;
    }

    private static bool HidesCharacters(string address)
    {
        string decoded;
        try
        {
            decoded = Uri.UnescapeDataString(address);
        }
        catch (UriFormatException)
        {
            return true;
        }
        return decoded.Any(c => char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\p{Cf}")]
    private static partial System.Text.RegularExpressions.Regex FormatCharacters();

    private static void Escape(System.Text.StringBuilder escaped, ReadOnlySpan<char> text)
    {
        foreach (var ch in text)
        {
            if (ch is '\r' or '\n')
            {
                escaped.Append(' ');
            }
            else if (MarkdownSpecial.Contains(ch))
            {
                escaped.Append('\\').Append(ch);
            }
            else
            {
                escaped.Append(ch);
            }
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"https?://[^\s<>]+", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex WebAddress();

    public static string NotInChat => "You're not in a chat. " + CoachHelp;

    public static string Taken(int ticket, string? byName) => $"Request #{ticket} was already taken by {byName ?? "another coach"}.";
}
