using ChatBot.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ChatBot.Tests.Deployment;

/// <summary>
/// A broken template must fail the build with a message that says where and why; and bicepconfig.json is
/// what turns a linter warning into a failure. Each test edits a copy of the templates in a temp folder.
/// </summary>
public sealed class BrokenTemplateTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _root = CopyTemplates();

    private string Templates => Path.Combine(_root, "deploymentTemplates");

    [Fact]
    public void A_reference_to_a_missing_output_fails_the_build_naming_the_file_line_and_error()
    {
        var main = Path.Combine(Templates, "main.bicep");
        File.AppendAllText(main, "\n@description('Broken on purpose.')\noutput broken string = webApp.outputs.noSuchOutput\n");
        var brokenLine = File.ReadAllLines(main).Length;

        var run = BicepCli.Run(Templates, "build", "main.bicep", "--stdout");
        output.WriteLine(run.ToString());

        Assert.NotEqual(0, run.ExitCode);
        var error = Assert.Single(run.Diagnostics);
        Assert.Contains($"main.bicep({brokenLine},", error);
        Assert.Contains("Error BCP", error);
        Assert.Contains("noSuchOutput", error);
        Assert.DoesNotContain("\"$schema\"", run.StdOut);
    }

    [Fact]
    public void An_unused_parameter_fails_the_build_because_bicepconfig_makes_linter_warnings_errors()
    {
        var webApp = Path.Combine(Templates, "modules", "webApp.bicep");
        File.AppendAllText(webApp, "\n@description('Declared and never used.')\nparam leftOver string = 'x'\n");

        var strict = BicepCli.Run(Templates, "build", "main.bicep", "--stdout");
        output.WriteLine(strict.ToString());
        Assert.Equal(1, strict.ExitCode);
        Assert.Contains(strict.Diagnostics, d => d.Contains("webApp.bicep(") && d.Contains("Error no-unused-params"));

        // Without the repository's bicepconfig.json the same template only warns, and the build "succeeds".
        File.Delete(Path.Combine(Templates, "bicepconfig.json"));
        var lenient = BicepCli.Run(Templates, "build", "main.bicep", "--stdout");
        output.WriteLine(lenient.ToString());
        Assert.Equal(0, lenient.ExitCode);
        Assert.Contains(lenient.Diagnostics, d => d.Contains("Warning no-unused-params"));
    }

    [Fact]
    public void A_renamed_sample_settings_file_fails_the_build()
    {
        // The web app module reads the sample coaches of Bot/appsettings.json at build time.
        File.Move(Path.Combine(_root, "Bot", "appsettings.json"), Path.Combine(_root, "Bot", "appsettings.moved.json"));

        var run = BicepCli.Run(Templates, "build", "main.bicep", "--stdout");
        output.WriteLine(run.ToString());

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(run.Diagnostics, d => d.Contains("webApp.bicep(") && d.Contains("appsettings.json"));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    /// <summary>deploymentTemplates (without tools/) and Bot/appsettings.json, which the templates read.</summary>
    private static string CopyTemplates()
    {
        var root = Path.Combine(Path.GetTempPath(), "chatbot-bicep-broken-" + Guid.NewGuid().ToString("N"));
        var source = BicepCli.TemplatesFolder;
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.StartsWith("tools" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                continue;
            }
            var target = Path.Combine(root, "deploymentTemplates", relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        Directory.CreateDirectory(Path.Combine(root, "Bot"));
        File.Copy(Path.Combine(TestPaths.RepoRoot, "Bot", "appsettings.json"), Path.Combine(root, "Bot", "appsettings.json"));
        return root;
    }
}
