using System.Text.Json.Nodes;
using ChatBot.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;

namespace ChatBot.Tests.Deployment;

/// <summary>
/// Builds deploymentTemplates/main.bicep to ARM JSON once, and snapshots two deployments of it: the
/// parameters example as it is (with test secrets), and a one-coach deployment that uses an app registration.
/// </summary>
public sealed class DeploymentTemplateFixture : IDisposable
{
    public const string MetricsKey = "test-metrics-key-4f1c9a7e22";
    public const string DanaKey = "test-console-key-dana-81b3";
    public const string SamKey = "test-console-key-sam-5d02";
    public const string KimKey = "test-console-key-kim-77aa";
    public const string AppRegistrationId = "11111111-2222-3333-4444-555555555555";
    public const string AppRegistrationTenant = "66666666-7777-8888-9999-000000000000";
    public const string AppRegistrationSecret = "test-app-registration-secret";

    public DeploymentTemplateFixture()
    {
        WorkFolder = Path.Combine(Path.GetTempPath(), "chatbot-bicep-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(WorkFolder);
        try
        {
            (Build, Template, Example, OneCoachAppRegistration) = Prepare(WorkFolder);
        }
        catch
        {
            // xunit does not dispose a fixture whose constructor threw.
            Dispose();
            throw;
        }
    }

    private static (BicepRun, JsonObject, DeploymentSnapshot, DeploymentSnapshot) Prepare(string workFolder)
    {
        var build = BicepCli.Run(BicepCli.TemplatesFolder, "build", "main.bicep", "--outdir", workFolder);
        var compiled = Path.Combine(workFolder, "main.json");
        if (build.ExitCode != 0 || !File.Exists(compiled))
        {
            throw new InvalidOperationException($"deploymentTemplates/main.bicep does not build: {build}");
        }
        var template = JsonNode.Parse(File.ReadAllText(compiled))!.AsObject();
        var declared = template["parameters"]!.AsObject();

        var example = BicepParamFile.ReadParametersJson(ExampleParametersPath);
        example["metricsAccessKey"] = MetricsKey;
        example["coachConsoleKeys"] = new JsonObject { ["dana"] = DanaKey, ["sam"] = SamKey };
        var exampleSnapshot = DeploymentSnapshot.Create(BicepCli.TemplatesFolder, workFolder, "example", example, declared);

        var appRegistration = new Dictionary<string, JsonNode?>
        {
            ["appName"] = "one-coach-bot",
            ["microsoftAppType"] = "SingleTenant",
            ["microsoftAppId"] = AppRegistrationId,
            ["microsoftAppPassword"] = AppRegistrationSecret,
            ["microsoftAppTenantId"] = AppRegistrationTenant,
            ["metricsAccessKey"] = MetricsKey,
            ["coaches"] = new JsonArray(new JsonObject { ["id"] = "kim", ["name"] = "Kim", ["team"] = "sales" }),
            ["coachConsoleKeys"] = new JsonObject { ["kim"] = KimKey },
        };
        var oneCoach = DeploymentSnapshot.Create(BicepCli.TemplatesFolder, workFolder, "one-coach", appRegistration, declared);
        return (build, template, exampleSnapshot, oneCoach);
    }

    public static string ExampleParametersPath => Path.Combine(BicepCli.TemplatesFolder, "main.parameters.example.json");

    public static string AppSettingsJsonPath => Path.Combine(TestPaths.RepoRoot, "Bot", "appsettings.json");

    public string WorkFolder { get; }
    public BicepRun Build { get; }
    /// <summary>The compiled ARM JSON of main.bicep.</summary>
    public JsonObject Template { get; }
    public DeploymentSnapshot Example { get; }
    public DeploymentSnapshot OneCoachAppRegistration { get; }

    /// <summary>
    /// The configuration the deployed bot would see: Bot/appsettings.json overridden by the app settings
    /// (App Service passes them as environment variables, where "__" means ":").
    /// </summary>
    public static IConfiguration DeployedConfiguration(DeploymentSnapshot snapshot)
    {
        var twice = snapshot.AppSettings.GroupBy(s => s.Key, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (twice.Count > 0)
        {
            throw new InvalidOperationException($"The web app gets these app settings more than once: {string.Join(", ", twice)}.");
        }
        return new ConfigurationBuilder()
            .AddJsonFile(AppSettingsJsonPath, optional: false)
            .AddInMemoryCollection(snapshot.AppSettings.Select(s =>
                new KeyValuePair<string, string?>(s.Key.Replace("__", ":", StringComparison.Ordinal), s.Value)))
            .Build();
    }

    /// <summary>
    /// Every options class bound and validated exactly as the bot does it at start (BotHost.AddServices),
    /// by Section. A validation failure throws OptionsValidationException with the bot's own messages.
    /// </summary>
    public static IReadOnlyDictionary<string, object> ValidatedOptions(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        var environment = new HostingEnvironment
        {
            ApplicationName = "ChatBot",
            EnvironmentName = Environments.Production,
            ContentRootPath = Path.Combine(TestPaths.RepoRoot, "Bot"),
        };
        BotHost.AddServices(services, configuration, environment);
        using var provider = services.BuildServiceProvider();
        var options = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
        foreach (var (section, type) in BotConfigurationKeys.Sections)
        {
            var accessor = provider.GetRequiredService(typeof(IOptions<>).MakeGenericType(type));
            try
            {
                options[section] = accessor.GetType().GetProperty(nameof(IOptions<object>.Value))!.GetValue(accessor)!;
            }
            catch (System.Reflection.TargetInvocationException e) when (e.InnerException != null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            }
        }
        return options;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(WorkFolder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
