using System.Text.Json;
using ChatBot.Dialogs.Faq;

namespace ChatBot.Endpoints;

/// <summary>
/// POST /api/faq/query {"question": "...", "top": 3}: the recognizer's ranked entries, their scores and the
/// decision, like QnA Maker's test pane, for the people who maintain the knowledge base. Read-only.
/// </summary>
public static class FaqQueryEndpoint
{
    /// <summary>Questions longer than this are refused here; the bot itself copes with any length.</summary>
    public const int MaxQuestionLength = 10_000;

    public static IEndpointRouteBuilder MapFaq(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/faq/query", HandleAsync);
        return endpoints;
    }

    internal static async Task<IResult> HandleAsync(HttpRequest request, IFaqRecognizer recognizer, CancellationToken cancellationToken)
    {
        JsonElement body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body, cancellationToken: cancellationToken);
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
        var question = questionElement.GetString()!;
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
