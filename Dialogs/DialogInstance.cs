namespace ChatBot.Dialogs;

/// <summary>
/// One entry of the persisted stack: which dialog, and its state. Everything put in
/// <see cref="State"/> is stored with the conversation, so it must be plain serializable data.
/// </summary>
public class DialogInstance
{
    public string Id { get; set; } = string.Empty;

    public IDictionary<string, object> State { get; set; } = new Dictionary<string, object>();
}
