using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Azure.Storage.Blobs;
using ChatBot.Storage;

namespace ChatBot.Tests.Infrastructure;

/// <summary>
/// The real Azure Blob Storage API on loopback (Azurite 3.37.0's Blob service) for the tests. ./test.sh starts one
/// process and passes its connection string in CHATBOT_TEST_AZURITE; a `dotnet test` run by hand starts one itself
/// from the tools folder (.tools/azurite, installed by ./test.sh) and stops it when the test process exits. Without
/// either, a test that needs it fails with a message saying how to get it: it never passes or skips silently.
/// Each test takes a container of its own (<see cref="NewContainerAsync"/>), so tests stay independent.
/// </summary>
public static class Azurite
{
    public const string EnvironmentVariable = "CHATBOT_TEST_AZURITE";
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly Lazy<Task<string>> Connection = new(FindOrStartAsync);
    private static Process? _process;

    public static string ConnectionStringFor(int port) =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";

    public static Task<string> ConnectionStringAsync() => Connection.Value;

    public static string NewContainerName() => "t" + Guid.NewGuid().ToString("N")[..24];

    /// <summary>A fresh, created container (the bot's own retry options).</summary>
    public static async Task<BlobContainerClient> NewContainerAsync()
    {
        var container = new BlobServiceClient(await ConnectionStringAsync(), BlobContainerFactory.ClientOptions()).GetBlobContainerClient(NewContainerName());
        await container.CreateIfNotExistsAsync();
        return container;
    }

    private static async Task<string> FindOrStartAsync()
    {
        var given = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(given))
        {
            return given;
        }
        var main = Path.Combine(TestPaths.RepoRoot, ".tools", "azurite", "node_modules", "azurite", "dist", "src", "blob", "main.js");
        if (!File.Exists(main))
        {
            throw new Xunit.Sdk.XunitException(
                "These tests need Azurite (the Azure Blob Storage emulator) and it is not installed. Run ./test.sh once " +
                "(it installs azurite@3.37.0 into .tools/azurite), or `npm install --prefix .tools/azurite azurite@3.37.0`, " +
                $"or set {EnvironmentVariable} to the connection string of a running Azurite Blob service.");
        }
        var port = FreePort();
        var location = Path.Combine(Path.GetTempPath(), "chatbot-azurite-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(location);
        // Through a small shell watchdog that stops Azurite once this test process is gone: the test host is often
        // ended without running exit handlers, which would leave one Azurite behind per `dotnet test` run.
        var watchdog = $"\"$@\" & child=$!; while kill -0 {Environment.ProcessId} 2>/dev/null && kill -0 $child 2>/dev/null; do sleep 1; done; kill $child 2>/dev/null; wait $child";
        var start = new ProcessStartInfo("sh")
        {
            ArgumentList = { "-c", watchdog, "azurite", "node", main, "--silent", "--location", location, "--blobHost", "127.0.0.1", "--blobPort", port.ToString(), "--skipApiVersionCheck", "--disableTelemetry" },
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        _process = Process.Start(start) ?? throw new Xunit.Sdk.XunitException("Could not start node for Azurite.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                _process.Kill(entireProcessTree: true);
                Directory.Delete(location, recursive: true);
            }
            catch (Exception)
            {
                // Best effort at exit.
            }
        };
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new Xunit.Sdk.XunitException($"Azurite exited at once (code {_process.ExitCode}); try running {main} by hand.");
            }
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return ConnectionStringFor(port);
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        throw new Xunit.Sdk.XunitException("Azurite did not listen within 20 s.");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
