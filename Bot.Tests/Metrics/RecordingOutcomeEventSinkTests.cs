using System.Diagnostics.Metrics;
using ChatBot.Events;
using ChatBot.Handoff.Events;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace ChatBot.Tests.Metrics;

public class RecordingOutcomeEventSinkTests
{
    private static readonly OutcomeEvent FirstReply = new()
    {
        Name = OutcomeEventNames.HandoffFirstReply,
        ConversationId = "c1",
        VisitorId = "v1",
        Team = "sales",
        CoachId = "ana",
        DurationMs = 12_500,
    };

    private static OutcomeEventMeters Meters(out IMeterFactory factory)
    {
        var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        factory = services.GetRequiredService<IMeterFactory>();
        return new OutcomeEventMeters(factory);
    }

    [Fact]
    public async Task An_event_goes_to_the_log_the_telemetry_client_and_the_meters()
    {
        var log = new InMemoryEventLog();
        var telemetry = new Mock<IBotTelemetryClient>();
        var meters = Meters(out var factory);
        var measured = new List<(string Instrument, double Value, string? EventName)>();
        using var listener = Listen(factory, measured);
        var sink = new RecordingOutcomeEventSink(log, telemetry.Object, meters, NullLogger<RecordingOutcomeEventSink>.Instance);

        await sink.RecordAsync(FirstReply);
        await sink.RecordAsync(FirstReply with { Id = "faq", Name = OutcomeEventNames.FaqUnanswered, Question = "secret text?", DurationMs = null });
        await sink.RecordAsync(FirstReply with { Id = "accepted", Name = OutcomeEventNames.HandoffAccepted, DurationMs = 8_000 });

        var stored = new List<OutcomeEvent>();
        await foreach (var e in log.ReadAsync(DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1)))
        {
            stored.Add(e);
        }
        Assert.Equal([OutcomeEventNames.HandoffFirstReply, OutcomeEventNames.FaqUnanswered, OutcomeEventNames.HandoffAccepted], stored.Select(e => e.Name));

        telemetry.Verify(t => t.TrackEvent(
            OutcomeEventNames.HandoffFirstReply,
            It.Is<IDictionary<string, string>>(p => p["team"] == "sales" && p["coachId"] == "ana" && p["conversationId"] == "c1"),
            It.Is<IDictionary<string, double>>(m => m["durationMs"] == 12_500)), Times.Once);
        // The free-text question never leaves the event log.
        telemetry.Verify(t => t.TrackEvent(
            OutcomeEventNames.FaqUnanswered,
            It.Is<IDictionary<string, string>>(p => !p.Values.Contains("secret text?")),
            It.IsAny<IDictionary<string, double>>()), Times.Once);

        Assert.Contains(("chatbot.outcome_events", 1.0, OutcomeEventNames.HandoffFirstReply), measured);
        Assert.Contains(("chatbot.outcome_events", 1.0, OutcomeEventNames.FaqUnanswered), measured);
        Assert.Equal([12.5], measured.Where(m => m.Instrument == "chatbot.handoff.first_response_time").Select(m => m.Value));
        Assert.Equal([8.0], measured.Where(m => m.Instrument == "chatbot.handoff.queue_wait").Select(m => m.Value));
    }

    [Fact]
    public async Task A_failing_log_write_does_not_fail_the_turn_but_is_logged_with_the_event_and_counted()
    {
        var log = new Mock<IEventLog>();
        log.Setup(l => l.RecordAsync(It.IsAny<OutcomeEvent>(), It.IsAny<CancellationToken>())).ThrowsAsync(new IOException("disk full"));
        var telemetry = new Mock<IBotTelemetryClient>();
        var meters = Meters(out var factory);
        var measured = new List<(string Instrument, double Value, string? EventName)>();
        using var listener = Listen(factory, measured);
        var logger = new CapturingLogger();
        var sink = new RecordingOutcomeEventSink(log.Object, telemetry.Object, meters, logger);

        await sink.RecordAsync(FirstReply);

        var error = Assert.Single(logger.Entries, e => e.Level == LogLevel.Error);
        Assert.Contains(FirstReply.Id, error.Message);
        Assert.Contains(("chatbot.outcome_events.write_failures", 1.0, OutcomeEventNames.HandoffFirstReply), measured);
        // The live numbers still see it.
        telemetry.Verify(t => t.TrackEvent(FirstReply.Name, It.IsAny<IDictionary<string, string>>(), It.IsAny<IDictionary<string, double>>()), Times.Once);
    }

    [Fact]
    public async Task A_failing_telemetry_client_does_not_fail_the_turn()
    {
        var log = new InMemoryEventLog();
        var telemetry = new Mock<IBotTelemetryClient>();
        telemetry.Setup(t => t.TrackEvent(It.IsAny<string>(), It.IsAny<IDictionary<string, string>>(), It.IsAny<IDictionary<string, double>>()))
            .Throws(new InvalidOperationException("telemetry down"));
        var sink = new RecordingOutcomeEventSink(log, telemetry.Object, Meters(out _), NullLogger<RecordingOutcomeEventSink>.Instance);

        await sink.RecordAsync(FirstReply);

        var count = 0;
        await foreach (var _ in log.ReadAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue))
        {
            count++;
        }
        Assert.Equal(1, count);
    }

    [Fact]
    public async Task The_write_happens_even_when_the_turn_is_being_cancelled()
    {
        var log = new InMemoryEventLog();
        var sink = new RecordingOutcomeEventSink(log, new NullBotTelemetryClient(), Meters(out _), NullLogger<RecordingOutcomeEventSink>.Instance);

        await sink.RecordAsync(FirstReply, new CancellationToken(canceled: true));

        var count = 0;
        await foreach (var _ in log.ReadAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue))
        {
            count++;
        }
        Assert.Equal(1, count);
    }

    private static MeterListener Listen(IMeterFactory factory, List<(string, double, string?)> measured)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == OutcomeEventMeters.MeterName && instrument.Meter.Scope == factory)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            string? name = null;
            foreach (var tag in tags)
            {
                if (tag.Key == "event.name")
                {
                    name = tag.Value as string;
                }
            }
            lock (measured)
            {
                measured.Add((instrument.Name, value, name));
            }
        }
        listener.SetMeasurementEventCallback<long>((i, v, t, _) => Add(i, v, t));
        listener.SetMeasurementEventCallback<double>((i, v, t, _) => Add(i, v, t));
        listener.Start();
        return listener;
    }

    private sealed class CapturingLogger : ILogger<RecordingOutcomeEventSink>
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception)));
    }
}
