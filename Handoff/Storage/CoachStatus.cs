namespace ChatBot.Handoff.Storage;

public enum CoachStatus
{
    Available,
    Away,
}
