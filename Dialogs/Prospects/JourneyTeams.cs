namespace ChatBot.Dialogs.Prospects;

/// <summary>
/// The two coach teams the journey routes to. They must be configured under Handoff:Teams; the knowledge base's
/// "team" field uses the same names.
/// </summary>
public static class JourneyTeams
{
    public const string Sales = "sales";
    public const string Support = "support";

    /// <summary>Support for free users and customers; sales for prospects and visitors whose type is unknown.</summary>
    public static string ForVisitor(string? visitorType) =>
        visitorType is VisitorTypes.Free or VisitorTypes.Customer ? Support : Sales;
}
