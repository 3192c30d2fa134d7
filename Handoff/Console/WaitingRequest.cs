namespace ChatBot.Handoff.Console;

/// <summary>One queued request as coaches see it (the `queue` command and the console's queue panel).</summary>
public sealed record WaitingRequest(
    int Ticket,
    string Team,
    int Position,
    long WaitingSeconds,
    string? VisitorName,
    string? VisitorType,
    string? Intent,
    string? Reason,
    string? QualificationSummary,
    IReadOnlyList<string> LastMessages,
    string ConversationKey);
