using System.ComponentModel.DataAnnotations;

namespace ChatBot.Options;

/// <summary>The "Bot" section: how the bot presents itself.</summary>
public sealed class BotOptions
{
    public const string Section = "Bot";

    /// <summary>Shown in the chat widget's header and in messages.</summary>
    [Required, MaxLength(60)]
    public string Name { get; set; } = "Larkspur Assistant";

    /// <summary>The bot's id on the local Direct Line channel.</summary>
    [Required]
    public string Id { get; set; } = "chatbot";

    /// <summary>Longest message text accepted; longer ones are refused with a clear error.</summary>
    [Range(1, 1_000_000)]
    public int MaxTextLength { get; set; } = 50_000;
}
