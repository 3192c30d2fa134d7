namespace ChatBot.Handoff.Commands;

/// <param name="Ticket">accept: the ticket number, or null for "accept next".</param>
/// <param name="Argument">end: the outcome; transfer: the team or coach id; note: the text.</param>
public sealed record CoachCommand(CoachCommandKind Kind, int? Ticket = null, string? Argument = null);
