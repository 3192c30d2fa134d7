using Microsoft.Extensions.Logging;

namespace ChatBot.Tests.Dialogs;

/// <summary>Keeps what was logged, so tests can check that failures are logged.</summary>
internal sealed class ListLogger : ILogger
{
    public List<(LogLevel Level, Exception? Exception, string Message)> Entries { get; } = new();

    public IEnumerable<Exception?> Errors => Entries.Where(e => e.Level == LogLevel.Error).Select(e => e.Exception);

    public IEnumerable<Exception?> Warnings => Entries.Where(e => e.Level == LogLevel.Warning).Select(e => e.Exception);

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Add((logLevel, exception, formatter(state, exception)));
}
