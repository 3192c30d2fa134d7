namespace ChatBot.Commands.Benchmark;

/// <summary>
/// A visitor connected to a coach, talking in turns: the visitor on /api/messages, the coach on the coach console
/// (local Direct Line). Relay latency, visitor to coach: from the visitor's post until Direct Line stored the relayed
/// message in the coach's conversation (its server timestamp, to the millisecond, same clock); the coach's console
/// sees it at its next poll, which is the page's pace, not the bot's. The visitor's POST returns when the turn
/// (relay included) is over, so one poll after it finds the message: the benchmark never busy-polls.
/// Coach to visitor: from the coach's post until the relay reaches the benchmark channel.
/// </summary>
public sealed class HandoffPlayer : Player
{
    public const string Team = "support";
    public const string VisitorToCoach = "relay visitor>coach";
    public const string CoachToVisitor = "relay coach>visitor";

    private readonly BenchContext _context;
    private readonly DirectLineCoach _coach;
    private readonly string _conversationId;
    private readonly HashSet<string> _seen = [];
    private int _turn;

    private HandoffPlayer(BenchContext context, DirectLineCoach coach, string conversationId)
    {
        _context = context;
        _coach = coach;
        _conversationId = conversationId;
    }

    private string UserId => "visitor-" + _conversationId;

    /// <summary>
    /// The visitor asks for a person from support; the coach finds the request in the console's queue and accepts it.
    /// One pair at a time (the benchmark calls it in sequence), so the coach's request is the only one it could be.
    /// </summary>
    public static async Task<HandoffPlayer> ConnectAsync(BenchContext context, DirectLineCoach coach, string conversationId)
    {
        var player = new HandoffPlayer(context, coach, conversationId);
        var ask = $"I need a person from support please, reference {conversationId}";
        var (answered, _, _) = await VisitorPlayer.PostAsync(context, conversationId, player.UserId, ask, null, DateTime.UtcNow);
        if (!answered)
        {
            throw new InvalidOperationException($"The bot did not answer the handoff request in {conversationId}.");
        }
        var waiting = await coach.WaitingAsync();
        var ticket = waiting.FirstOrDefault(w => w["lastMessages"]?.Values<string>().Any(m => m?.Contains(conversationId) == true) == true)?.Value<int?>("ticket")
            ?? throw new InvalidOperationException($"The request of {conversationId} is not in the coach's queue: {waiting}");
        var connected = context.Channel.ExpectIn(conversationId, "You're now chatting with");
        try
        {
            await coach.SayAsync($"accept {ticket}");
            if (await Task.WhenAny(connected.FirstReply, Task.Delay(ReplyTimeout)) != connected.FirstReply)
            {
                throw new InvalidOperationException($"The visitor of {conversationId} was not told the coach accepted.");
            }
        }
        finally
        {
            context.Channel.ForgetIn(conversationId);
        }
        await coach.NewBotMessagesAsync(); // the coach's own "you're connected" lines: not part of the measurement
        return player;
    }

    public override Task<TurnOutcome> PlayTurnAsync(DateTime due) =>
        _turn++ % 2 == 0 ? VisitorToCoachAsync(due, _turn) : CoachToVisitorAsync(due, _turn);

    private async Task<TurnOutcome> VisitorToCoachAsync(DateTime due, int turn)
    {
        var text = $"question {turn} from {_conversationId}";
        // No reply to the visitor is expected: the bot stays out while a coach owns the conversation.
        await VisitorPlayer.PostAsync(_context, _conversationId, UserId, text, null, due, expectReply: false);
        var deadline = DateTime.UtcNow + ReplyTimeout;
        DateTime? stored = null;
        var duplicates = 0;
        while (stored == null && DateTime.UtcNow < deadline)
        {
            foreach (var message in await _coach.NewBotMessagesAsync())
            {
                var seen = (string?)message["text"] ?? "";
                // Every relay's text is unique: seeing one twice is a duplicate, whichever turn's poll finds it.
                if (!_seen.Add(seen))
                {
                    duplicates++;
                }
                else if (seen.EndsWith(": " + text, StringComparison.Ordinal))
                {
                    stored = DirectLineCoach.StoredAt(message);
                }
            }
            if (stored == null)
            {
                await Task.Delay(20);
            }
        }
        return stored == null
            ? new TurnOutcome(VisitorToCoach, false, double.NaN, duplicates)
            : new TurnOutcome(VisitorToCoach, true, (stored.Value - due).TotalMilliseconds, duplicates);
    }

    private async Task<TurnOutcome> CoachToVisitorAsync(DateTime due, int turn)
    {
        var text = $"answer {turn} for {_conversationId}";
        var waiter = _context.Channel.ExpectIn(_conversationId, text);
        try
        {
            await _coach.SayAsync(text);
            var arrived = await Task.WhenAny(waiter.FirstReply, Task.Delay(ReplyTimeout)) == waiter.FirstReply;
            return new TurnOutcome(CoachToVisitor, arrived, arrived ? (waiter.FirstReply.Result - due).TotalMilliseconds : double.NaN);
        }
        finally
        {
            _context.Channel.ForgetIn(_conversationId);
        }
    }
}
