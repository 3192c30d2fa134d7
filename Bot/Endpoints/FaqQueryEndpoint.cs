using System.Text.Json;
using ChatBot.Dialogs.Faq;
using ChatBot.DirectLine;
using ChatBot.Metrics;

namespace ChatBot.Endpoints;

/// <summary>
/// POST /api/faq/query {"question": "...", "top": 3}: the recognizer's ranked entries, their scores and the
/// decision, like QnA Maker's test pane, for the people who maintain the knowledge base. Read-only; needs a
/// key from Metrics:AccessKeys in the X-Access-Key header, as the dashboard does.
/// </summary>
public static class FaqQueryEndpoint
{
    /// <summary>Questions longer than this are refused here; the bot itself copes with any length.</summary>
    public const int MaxQuestionLength = 10_000;

    private const int MaxBodyBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapFaq(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/faq/query", HandleAsync);
        return endpoints;
    }

    internal static async Task<IResult> HandleAsync(HttpRequest request, IFaqRecognizer recognizer, MetricsAccess access, CancellationToken cancellationToken)
    {
        // Staff only (the same keys as the dashboard): every question costs an embedding.
        if (access.Check(request.HttpContext, allowQueryKey: false) is { } denied)
        {
            return denied;
        }
        var text = await DirectLineHttp.ReadBodyAsync(request, MaxBodyBytes, cancellationToken);
        if (text == null)
        {
            return Results.Json(new { error = $"The body is larger than {MaxBodyBytes / 1024} KB." }, statusCode: StatusCodes.Status413PayloadTooLarge);
        }
        JsonElement body;
        try
        {
            body = JsonSerializer.Deserialize<JsonElement>(text);
        }
        catch (JsonException)
        {
            return Error("The body must be a JSON object: {\"question\": \"...\", \"top\": 3}.");
        }
        if (body.ValueKind != JsonValueKind.Object)
        {
            return Error("The body must be a JSON object: {\"question\": \"...\", \"top\": 3}.");
        }
        if (!body.TryGetProperty("question", out var questionElement) || questionElement.ValueKind != JsonValueKind.String)
        {
            return Error("\"question\" is required and must be a string.");
        }
        string question;
        try
        {
            question = questionElement.GetString()!;
        }
        catch (InvalidOperationException)
        {
            return Error("\"question\" is not valid Unicode text.");
        }
        if (string.IsNullOrWhiteSpace(question))
        {
            return Error("\"question\" must not be empty.");
        }
        if (question.Length > MaxQuestionLength)
        {
            return Error($"\"question\" must be at most {MaxQuestionLength} characters.");
        }
        var top = 3;
        if (body.TryGetProperty("top", out var topElement) && topElement.ValueKind != JsonValueKind.Null)
        {
            if (topElement.ValueKind != JsonValueKind.Number || !topElement.TryGetInt32(out top) || top < 1 || top > FaqOptions.MaxTop)
            {
                return Error($"\"top\" must be a whole number from 1 to {FaqOptions.MaxTop}.");
            }
        }

        var result = await recognizer.MatchAsync(question, top, cancellationToken);
        return Results.Json(new
        {
            question = result.Question,
            decision = result.Decision.ToString().ToLowerInvariant(),
            reason = result.Reason,
            outOfScope = result.OutOfScope,
            coverage = result.Coverage,
            answers = result.Candidates.Select(c => new
            {
                id = c.EntryId,
                confidence = c.Confidence,
                lexical = c.Lexical,
                semantic = c.Semantic,
                matchedQuestion = c.MatchedQuestion,
                question = c.CanonicalQuestion,
                answer = c.Answer,
                team = c.Team,
                category = c.Category,
                followUps = c.FollowUps,
            }),
        });
    }

    private static IResult Error(string message) => Results.Json(new { error = message }, statusCode: StatusCodes.Status400BadRequest);
}
