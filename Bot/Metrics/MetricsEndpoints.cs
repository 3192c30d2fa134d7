using System.Text;
using ChatBot.Handoff.Events;
using ChatBot.Handoff.Metrics;
using ChatBot.Options;
using Microsoft.Extensions.Options;

namespace ChatBot.Metrics;

/// <summary>
/// GET /api/metrics (JSON), /api/metrics/events.csv, /api/metrics/daily.csv and the /dashboard page,
/// all behind <see cref="MetricsAccess"/>. Query: from, to (UTC dates, both included; default the last 30
/// days), team, demo=1 (the demo store; Metrics:UseDemoData makes it the default).
/// </summary>
public static class MetricsEndpoints
{
    /// <summary>Web casing, and nulls written out: a rate with no denominator is null, not missing.</summary>
    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder app)
    {
        app.MapGet("/dashboard", Dashboard);
        // The page's file would otherwise be served by the static files without a key.
        app.MapGet("/dashboard.html", Dashboard);
        var api = app.MapGroup("/api/metrics");
        api.MapGet("", Metrics);
        api.MapGet("/events.csv", EventsCsv);
        api.MapGet("/daily.csv", DailyCsv);
        return app;
    }

    private static IResult Dashboard(HttpContext context, MetricsAccess access, IWebHostEnvironment environment)
    {
        if (access.Check(context, allowQueryKey: true) is { } denied)
        {
            // A person opened the page: ask for the key on a page, not in JSON about a header.
            var status = denied is IStatusCodeHttpResult { StatusCode: int code } ? code : StatusCodes.Status401Unauthorized;
            return Results.Content(KeyForm(status == StatusCodes.Status403Forbidden), "text/html; charset=utf-8", statusCode: status);
        }
        var page = environment.WebRootFileProvider.GetFileInfo("dashboard.html");
        if (!page.Exists)
        {
            return Results.Json(new { error = "The dashboard page is missing from wwwroot." }, statusCode: StatusCodes.Status404NotFound);
        }
        NoStore(context);
        return Results.Stream(page.CreateReadStream(), "text/html; charset=utf-8");
    }

    private static string KeyForm(bool wrongKey) => $"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Metrics dashboard: access key</title><link rel="stylesheet" href="/dashboard.css"></head>
        <body><main style="max-width: 28rem; margin: 4rem auto; font-family: system-ui, sans-serif">
        <h1>Metrics dashboard</h1>
        <p>{(wrongKey ? "That access key is not accepted. " : "")}Enter an access key from <code>Metrics:AccessKeys</code>.</p>
        <form method="get" action="/dashboard"><input name="key" type="password" autocomplete="off" autofocus required aria-label="Access key">
        <button type="submit">Open</button></form></main></body></html>
        """;

    private static async Task<IResult> Metrics(
        HttpContext context, MetricsAccess access, IOptionsSnapshot<MetricsOptions> options, IEventLog log,
        DemoEventStore demo, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (request, source, error) = Prepare(context, access, options.Value, log, demo, clock, allowTeam: true);
        if (error != null)
        {
            return error;
        }
        var report = await ComputeAsync(source!, request!, options.Value, cancellationToken);
        NoStore(context);
        return Results.Json(new
        {
            from = request!.From,
            to = request.To,
            team = request.Team,
            demo = request.Demo,
            generatedAt = clock.GetUtcNow(),
            targets = new
            {
                responseTargetSeconds = options.Value.ResponseTargetSeconds,
                responseGoal = options.Value.ResponseGoal,
                deflection = options.Value.DeflectionTarget,
                passThrough = options.Value.PassThroughTarget,
                csat = options.Value.CsatTarget,
            },
            metrics = report,
        }, Json);
    }

    private static async Task<IResult> EventsCsv(
        HttpContext context, MetricsAccess access, IOptionsSnapshot<MetricsOptions> options, IEventLog log,
        DemoEventStore demo, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (request, source, error) = Prepare(context, access, options.Value, log, demo, clock, allowTeam: false);
        if (error != null)
        {
            return error;
        }
        // The raw events of the range itself, by their own timestamps (no attribution window).
        var rows = new List<string>();
        await foreach (var e in source!.ReadAsync(request!.Start, request.End, cancellationToken))
        {
            rows.Add(MetricsCsv.EventRow(e));
        }
        return Csv(context, MetricsCsv.Join(MetricsCsv.Header(MetricsCsv.EventColumns), rows), "events", request);
    }

    private static async Task<IResult> DailyCsv(
        HttpContext context, MetricsAccess access, IOptionsSnapshot<MetricsOptions> options, IEventLog log,
        DemoEventStore demo, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (request, source, error) = Prepare(context, access, options.Value, log, demo, clock, allowTeam: true);
        if (error != null)
        {
            return error;
        }
        var report = await ComputeAsync(source!, request!, options.Value, cancellationToken);
        return Csv(context, MetricsCsv.Join(MetricsCsv.Header(MetricsCsv.DailyColumns), report.Daily.Select(MetricsCsv.DailyRow)), "daily", request!);
    }

    /// <summary>Checks the key and the query, and picks the real or the demo log.</summary>
    private static (MetricsRequest? Request, IEventLog? Source, IResult? Error) Prepare(
        HttpContext context, MetricsAccess access, MetricsOptions options, IEventLog log, DemoEventStore demo,
        TimeProvider clock, bool allowTeam)
    {
        if (access.Check(context, allowQueryKey: false) is { } denied)
        {
            return (null, null, denied);
        }
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (!MetricsRequest.TryParse(context.Request.Query, today, options.MaxRangeDays, out var request, out var message))
        {
            return (null, null, BadRequest(message));
        }
        if (!allowTeam && request.Team != null)
        {
            return (null, null, BadRequest("team is not supported on this export."));
        }
        request = request with { Demo = request.Demo || options.UseDemoData };
        if (!request.Demo)
        {
            return (request, log, null);
        }
        var demoLog = demo.TryOpen();
        return demoLog == null
            ? (null, null, Results.Json(new { error = "No demo data yet: run `dotnet run --project Bot -- demo-data` first." }, statusCode: StatusCodes.Status404NotFound))
            : (request, demoLog, null);
    }

    private static async Task<MetricsReport> ComputeAsync(IEventLog source, MetricsRequest request, MetricsOptions options, CancellationToken cancellationToken)
    {
        // Read past the end so a conversation that started in the range is counted whole.
        var events = new List<OutcomeEvent>();
        await foreach (var e in source.ReadAsync(request.Start, request.End.AddHours(options.AttributionWindowHours), cancellationToken))
        {
            events.Add(e);
        }
        return MetricsCalculator.Compute(events, new MetricsQuery
        {
            From = request.Start,
            To = request.End,
            Team = request.Team,
            TargetSeconds = options.ResponseTargetSeconds,
            TopQuestions = options.TopQuestions,
        });
    }

    private static IResult Csv(HttpContext context, string body, string kind, MetricsRequest request)
    {
        NoStore(context);
        var name = $"chatbot-{(request.Demo ? "demo-" : "")}{kind}-{request.From:yyyy-MM-dd}_{request.To:yyyy-MM-dd}.csv";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}\"";
        return Results.Text(body, "text/csv; charset=utf-8", Encoding.UTF8);
    }

    private static IResult BadRequest(string message) => Results.Json(new { error = message }, statusCode: StatusCodes.Status400BadRequest);

    private static void NoStore(HttpContext context) => context.Response.Headers.CacheControl = "no-store";
}
