using System.Text;
using System.Text.RegularExpressions;

namespace ChatBot.DirectLine;

/// <summary>Small HTTP helpers shared by the Direct Line and Connector endpoints.</summary>
public static partial class DirectLineHttp
{
    public static IResult Error(int status, string message) => Results.Json(new { error = message }, statusCode: status);

    /// <summary>Raw JSON text, for activities kept as stored (no re-serialization).</summary>
    public static IResult RawJson(string json, int status = StatusCodes.Status200OK) =>
        Results.Content(json, "application/json; charset=utf-8", Encoding.UTF8, status);

    /// <summary>The body as text, or null when it is longer than <paramref name="maxBytes"/>.</summary>
    public static async Task<string?> ReadBodyAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }
        // Every turn comes through here: the read buffer is rented, not allocated (it was 16 KB per request for bodies
        // of about 1 KB), and the copy is sized from Content-Length when the client sent one, up to 64 KB: a client
        // that claims a large body and sends none must not make us reserve it.
        using var buffer = new MemoryStream(request.ContentLength is long length and > 0 ? (int)Math.Min(length, 64 * 1024) : 4096);
        var chunk = System.Buffers.ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return null;
                }
                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(chunk);
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public static bool IsConversationId(string? value) => value != null && IdPattern().IsMatch(value);

    /// <summary>User ids a page may choose: opaque, URL-safe, long enough not to be guessed.</summary>
    public static bool IsPageUserId(string? value) => value != null && PageUserIdPattern().IsMatch(value);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{16,64}$")]
    private static partial Regex PageUserIdPattern();
}
