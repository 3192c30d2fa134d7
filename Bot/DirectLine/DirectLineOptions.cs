using System.ComponentModel.DataAnnotations;

namespace ChatBot.DirectLine;

/// <summary>The "DirectLine" section: the local Direct Line 3.0 channel that serves the bundled Web Chat.</summary>
public sealed class DirectLineOptions : IValidatableObject
{
    public const string Section = "DirectLine";

    /// <summary>
    /// Signs client, channel and bot tokens (HMAC-SHA256). Empty: a random key is generated once and kept
    /// in the data store, so tokens stay valid across restarts. Several instances on one store share it.
    /// </summary>
    public string TokenSigningSecret { get; set; } = "";

    /// <summary>How long a client token is valid; Web Chat refreshes it every 15 minutes.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long after expiry a token still proves ownership of its conversation (returning visitors).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "365.00:00:00")]
    public TimeSpan ResumeWindow { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Most activities one poll returns; the client pages on with the watermark.</summary>
    [Range(1, 1000)]
    public int MaxActivitiesPerPage { get; set; } = 100;

    /// <summary>Largest file accepted by upload (kept inline as a data URL); bigger ones get 413.</summary>
    [Range(0, 10_000_000)]
    public int MaxUploadBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// The serviceUrl the bot replies to. Empty: this host's own address as seen on the request's connection
    /// (not the Host header, which the client controls).
    /// </summary>
    public string ServiceUrl { get; set; } = "";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (TokenSigningSecret.Length is > 0 and < 32)
        {
            yield return new ValidationResult("DirectLine:TokenSigningSecret must be empty (generated) or at least 32 characters.",
                [nameof(TokenSigningSecret)]);
        }
        if (ServiceUrl.Length > 0 && (!Uri.TryCreate(ServiceUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            yield return new ValidationResult("DirectLine:ServiceUrl must be empty or an absolute http(s) URL.", [nameof(ServiceUrl)]);
        }
    }
}
