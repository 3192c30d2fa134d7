using System.Diagnostics;
using ChatBot.Commands.Benchmark;

namespace ChatBot.Tests.Host;

/// <summary>
/// The benchmark command, tiny and not timed, so it cannot rot: it starts both bots, plays every mix (the handoff's
/// coaches on the coach console), prints the table and the targets, and loses nothing.
/// </summary>
public class BenchmarkCommandSmokeTests
{
    [Fact]
    public async Task A_tiny_run_prints_every_mix_and_loses_no_reply()
    {
        var (code, output) = await RunAsync(
            "benchmark", "--conversations", "2", "--turns", "4", "--target-turns", "4", "--baseline-turns", "4", "--warmup", "2",
            "--rate", "20", "--relay-rate", "20");

        Assert.True(code == 0, $"benchmark exited with {code}:\n{output}");
        Assert.Matches(@"bot\s+mix\s+load\s+turns\s+turns/s\s+p50 ms\s+p95 ms\s+p99 ms\s+CPU ms/turn\s+peak RSS MB\s+lost\s+dup", output);
        var rows = output.Split('\n').Where(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^(echo \(baseline\)|ChatBot)\s+\S+( \S+)?\s+(closed|open) ")).ToList();
        // echo; greetings, faq, faq+greetings closed and open, qualification; both relay directions closed and open.
        Assert.Equal(10, rows.Count);
        foreach (var series in new[] { "greetings", "faq", "qualification", HandoffPlayer.VisitorToCoach, HandoffPlayer.CoachToVisitor })
        {
            Assert.Contains(rows, r => r.Contains($" {series} "));
        }
        Assert.Contains(rows, r => r.Contains(" faq+greetings ") && r.Contains("open 20/s"));
        Assert.Contains(rows, r => r.Contains(HandoffPlayer.VisitorToCoach) && r.Contains("open 20/s"));
        foreach (var row in rows)
        {
            // Every turn answered, nothing twice: the lost and dup columns (after the peak RSS) are 0.
            Assert.Matches(@"\s\d+\s+0\s+0(\s|$)", row);
        }
        Assert.Contains("Targets (2 concurrent conversations, SQLite store):", output);
        Assert.Matches(@"no lost or duplicated replies over >= 10000 turns\s+0 lost, 0 duplicated in \d+ turns", output);
    }

    [Fact]
    public async Task A_bad_option_is_refused_with_the_usage()
    {
        var (code, output) = await RunAsync("benchmark", "--mixes", "karaoke");
        Assert.Equal(2, code);
        Assert.Contains("Unknown mix 'karaoke'", output);
        Assert.Contains("Usage: benchmark", output);
    }

    private static async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(typeof(BenchmarkCommand).Assembly.Location);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, await stdout + await stderr);
    }
}
