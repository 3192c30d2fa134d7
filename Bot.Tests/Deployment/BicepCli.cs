using System.Diagnostics;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ChatBot.Tests.Infrastructure;

namespace ChatBot.Tests.Deployment;

/// <summary>What one run of the Bicep CLI did.</summary>
public sealed record BicepRun(int ExitCode, string StdOut, string StdErr, TimeSpan Elapsed)
{
    /// <summary>Diagnostic lines ("file(line,col) : Error|Warning|Info code: message").</summary>
    public IReadOnlyList<string> Diagnostics { get; } = StdErr.Split('\n')
        .Select(line => line.Trim())
        .Where(line => BicepCli.DiagnosticLine.IsMatch(line))
        .ToList();

    public override string ToString() => $"exit {ExitCode} in {Elapsed.TotalSeconds:0.0} s\n{StdErr}{StdOut}";
}

/// <summary>
/// The Bicep CLI from the NuGet package Azure.Bicep.CommandLine.linux-x64, at the version that
/// deploymentTemplates/tools/BicepCli.csproj downloads. When the package is not in the NuGet cache yet, that
/// download-only project is restored first (./test.sh does the same in ensure_bicep).
/// </summary>
public static class BicepCli
{
    public const string PackageId = "azure.bicep.commandline.linux-x64";

    internal static readonly Regex DiagnosticLine = new(@"\) : (Error|Warning|Info) [A-Za-z0-9-]+: ", RegexOptions.Compiled);

    private static readonly Lazy<string> Executable = new(Locate, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string TemplatesFolder => Path.Combine(TestPaths.RepoRoot, "deploymentTemplates");

    public static string ToolProject => Path.Combine(TemplatesFolder, "tools", "BicepCli.csproj");

    /// <summary>The version pinned in the download-only project (its BicepVersion property).</summary>
    public static string Version =>
        XDocument.Load(ToolProject).Descendants("BicepVersion").Single().Value.Trim();

    public static string ExecutablePath => Executable.Value;

    public static BicepRun Run(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(ExecutablePath)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        return RunProcess(start, TimeSpan.FromMinutes(2));
    }

    private static string Locate()
    {
        var path = Path.Combine(NuGetPackageRoot(), PackageId, Version, "tools", "bicep");
        if (!File.Exists(path))
        {
            var restore = new ProcessStartInfo("dotnet", ["restore", ToolProject, "-nologo", "-v", "quiet"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            var run = RunProcess(restore, TimeSpan.FromMinutes(5));
            if (run.ExitCode != 0 || !File.Exists(path))
            {
                throw new InvalidOperationException(
                    $"The Bicep CLI is not at {path} and restoring {ToolProject} did not put it there: {run}");
            }
        }
        // NuGet extracts files without the execute bit.
        File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        return path;
    }

    private static string NuGetPackageRoot()
    {
        var configured = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        return !string.IsNullOrEmpty(configured)
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
    }

    private static BicepRun RunProcess(ProcessStartInfo start, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{start.FileName} {string.Join(' ', start.ArgumentList)} did not finish within {timeout}.");
        }
        process.WaitForExit();
        return new BicepRun(process.ExitCode, stdout.Result, stderr.Result, watch.Elapsed);
    }
}
