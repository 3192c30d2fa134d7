namespace ChatBot.Handoff.Commands;

public enum CoachCommandKind
{
    Queue,
    Accept,
    End,
    Transfer,
    Note,
    Available,
    Away,
    Help,
}
