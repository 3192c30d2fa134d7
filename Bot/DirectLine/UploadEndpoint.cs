using ChatBot.Options;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace ChatBot.DirectLine;

/// <summary>
/// POST conversations/{id}/upload?userId=: Web Chat's file upload (multipart: one "activity" part and
/// "file" parts). Small files of a few safe types are kept inline as data URLs in the activity's
/// attachments (no separate blob store); bigger ones get 413, other types 415.
/// </summary>
public static class UploadEndpoint
{
    private static readonly HashSet<string> AllowedTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf", "text/plain",
    };
    private const int ActivityPartMaxBytes = 64 * 1024;

    public static async Task<IResult> HandleAsync(string conversationId, HttpContext http, DirectLineTokenService tokens,
        ConversationStore store, DirectLineChannel channel, IOptions<DirectLineOptions> options, IOptions<BotOptions> botOptions,
        CancellationToken cancellationToken)
    {
        var (access, error) = await DirectLineAccess.AuthorizeAsync(http, conversationId, tokens, store, cancellationToken);
        if (error != null)
        {
            return error;
        }
        var userId = http.Request.Query["userId"].ToString();
        if (userId.Length > 0 && userId != access!.Token.UserId)
        {
            return DirectLineHttp.Error(StatusCodes.Status403Forbidden, "'userId' must be the token's user.");
        }
        if (!http.Request.HasFormContentType)
        {
            return DirectLineHttp.Error(StatusCodes.Status400BadRequest, "Upload expects multipart/form-data.");
        }

        var limit = options.Value.MaxUploadBytes + ActivityPartMaxBytes;
        if (http.Request.ContentLength > limit)
        {
            return DirectLineHttp.Error(StatusCodes.Status413PayloadTooLarge, $"Files are limited to {options.Value.MaxUploadBytes:N0} bytes in all.");
        }
        var sizeFeature = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = limit;
        }

        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(cancellationToken);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return DirectLineHttp.Error(StatusCodes.Status413PayloadTooLarge, $"Files are limited to {options.Value.MaxUploadBytes:N0} bytes in all.");
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException)
        {
            return DirectLineHttp.Error(StatusCodes.Status400BadRequest, "The multipart body could not be read.");
        }

        // The activity part arrives as a Blob (a file part) from browsers, or as a plain field.
        string? activityJson = form["activity"].FirstOrDefault();
        var activityFile = form.Files.GetFile("activity");
        if (activityJson == null && activityFile != null)
        {
            if (activityFile.Length > ActivityPartMaxBytes)
            {
                return DirectLineHttp.Error(StatusCodes.Status413PayloadTooLarge, "The activity part is too large.");
            }
            using var reader = new StreamReader(activityFile.OpenReadStream());
            activityJson = await reader.ReadToEndAsync(cancellationToken);
        }
        if (activityJson == null)
        {
            activityJson = "{\"type\":\"message\"}";
        }

        var files = form.Files.Where(f => f.Name != "activity").ToList();
        if (files.Count == 0)
        {
            return DirectLineHttp.Error(StatusCodes.Status400BadRequest, "No file was uploaded.");
        }
        if (files.Sum(f => f.Length) > options.Value.MaxUploadBytes)
        {
            return DirectLineHttp.Error(StatusCodes.Status413PayloadTooLarge, $"Files are limited to {options.Value.MaxUploadBytes:N0} bytes in all.");
        }
        var attachments = new JArray();
        foreach (var file in files)
        {
            var contentType = (file.ContentType ?? "").Split(';')[0].Trim();
            if (!AllowedTypes.Contains(contentType))
            {
                return DirectLineHttp.Error(StatusCodes.Status415UnsupportedMediaType,
                    $"Files of type '{(contentType.Length > 40 ? contentType[..40] : contentType)}' are not accepted (images, PDF, plain text).");
            }
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, cancellationToken);
            var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
            if (!LooksLike(contentType.ToLowerInvariant(), bytes))
            {
                // The declared type is what the coach's browser will trust when it opens the file.
                return DirectLineHttp.Error(StatusCodes.Status415UnsupportedMediaType, $"The file '{SafeFileName(file.FileName)}' is not a valid {contentType.ToLowerInvariant()} file.");
            }
            attachments.Add(new JObject
            {
                ["contentType"] = contentType.ToLowerInvariant(),
                ["contentUrl"] = $"data:{contentType.ToLowerInvariant()};base64,{Convert.ToBase64String(bytes)}",
                ["name"] = SafeFileName(file.FileName),
            });
        }

        // The activity part may not carry attachments of its own: only what was uploaded is attached.
        var (activity, reason) = InboundActivityReader.Read(activityJson, botOptions.Value.MaxTextLength, allowEmptyMessage: true);
        if (activity == null)
        {
            return DirectLineHttp.Error(StatusCodes.Status400BadRequest, reason!);
        }
        if (activity.Value<string>("type") != "message")
        {
            return DirectLineHttp.Error(StatusCodes.Status400BadRequest, "Files can only be sent with a message activity.");
        }
        activity["attachments"] = attachments;
        var stored = await channel.PostFromUserAsync(http, access!.Token, activity, cancellationToken);
        return stored == null
            ? DirectLineHttp.Error(StatusCodes.Status404NotFound, "The conversation no longer exists.")
            : Results.Json(new { id = stored.Value<string>("id") });
    }

    /// <summary>Whether the bytes start as files of <paramref name="contentType"/> do (text: UTF-8 without NUL bytes).</summary>
    internal static bool LooksLike(string contentType, ReadOnlySpan<byte> bytes) => contentType switch
    {
        "image/png" => bytes.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]),
        "image/jpeg" => bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]),
        "image/gif" => bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8),
        "image/webp" => bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8),
        "application/pdf" => bytes.StartsWith("%PDF-"u8),
        "text/plain" => bytes.IndexOf((byte)0) < 0 && System.Text.Unicode.Utf8.IsValid(bytes),
        _ => false,
    };

    /// <summary>The last segment of a client's file name, without path separators, control or markup characters.</summary>
    internal static string SafeFileName(string? name)
    {
        var last = (name ?? "").Split('/', '\\').Last();
        var kept = new string(last.Where(c => !char.IsControl(c) && "<>:\"|?*".IndexOf(c) < 0).ToArray()).Trim().TrimStart('.');
        return kept.Length == 0 ? "file" : kept.Length <= 100 ? kept : kept[..100];
    }
}
