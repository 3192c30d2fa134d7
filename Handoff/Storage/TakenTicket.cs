namespace ChatBot.Handoff.Storage;

public sealed class TakenTicket
{
    public int Ticket { get; set; }
    public string CoachName { get; set; } = "";
}
