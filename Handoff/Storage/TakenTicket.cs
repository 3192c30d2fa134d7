namespace ChatBot.Handoff.Storage;

/// <summary>A recently accepted ticket, so a coach who lost an accept race is told who won.</summary>
public sealed class TakenTicket
{
    public int Ticket { get; set; }
    public string Team { get; set; } = "";
    public string CoachName { get; set; } = "";
    public DateTimeOffset At { get; set; }
}
