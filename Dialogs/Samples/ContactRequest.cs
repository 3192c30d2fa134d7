namespace ChatBot.Dialogs.Samples;

/// <summary>What <see cref="ContactMeDialog"/> collects; also its options (a known name skips the first question).</summary>
public sealed class ContactRequest
{
    public string? Name { get; set; }

    /// <summary>Null when the visitor could not give a valid address within the prompt's attempts.</summary>
    public string? Email { get; set; }

    public string? Topic { get; set; }
}
