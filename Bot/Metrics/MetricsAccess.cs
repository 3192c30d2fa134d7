using System.Security.Cryptography;
using System.Text;
using ChatBot.Options;
using Microsoft.Extensions.Options;

namespace ChatBot.Metrics;

/// <summary>
/// The key check in front of the metrics API and the dashboard: X-Access-Key header (or ?key= where the
/// endpoint allows it), compared in constant time against Metrics:AccessKeys. No key: 401; wrong key: 403.
/// </summary>
public sealed class MetricsAccess(IOptionsMonitor<MetricsOptions> options)
{
    public const string HeaderName = "X-Access-Key";

    /// <summary>Null when the request may go on, else the error to send.</summary>
    public IResult? Check(HttpContext context, bool allowQueryKey)
    {
        string? key = context.Request.Headers[HeaderName];
        if (string.IsNullOrEmpty(key) && allowQueryKey)
        {
            key = context.Request.Query["key"];
        }
        if (string.IsNullOrEmpty(key))
        {
            return Results.Json(new { error = $"An access key is required (header {HeaderName})." }, statusCode: StatusCodes.Status401Unauthorized);
        }
        return IsAccepted(key)
            ? null
            : Results.Json(new { error = "This access key is not accepted." }, statusCode: StatusCodes.Status403Forbidden);
    }

    private bool IsAccepted(string key)
    {
        // Hashing first makes every comparison the same length, so timing tells nothing about the keys.
        var given = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        var accepted = false;
        foreach (var candidate in options.CurrentValue.AccessKeys)
        {
            accepted |= CryptographicOperations.FixedTimeEquals(given, SHA256.HashData(Encoding.UTF8.GetBytes(candidate)));
        }
        return accepted;
    }
}
