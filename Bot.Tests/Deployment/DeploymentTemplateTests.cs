using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChatBot.DirectLine;
using ChatBot.Handoff.Options;
using ChatBot.Options;
using ChatBot.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Xunit.Abstractions;

namespace ChatBot.Tests.Deployment;

/// <summary>
/// deploymentTemplates/ compiled by the real Bicep CLI (linter rules as errors) and its predicted deployment
/// checked against what the bot needs: the resources, the endpoint and channels of the Azure Bot, and app
/// settings that reach real options and replace the local samples of Bot/appsettings.json.
/// </summary>
public class DeploymentTemplateTests(DeploymentTemplateFixture fixture, ITestOutputHelper output) : IClassFixture<DeploymentTemplateFixture>
{
    [Fact]
    public void Main_template_builds_with_no_error_or_warning()
    {
        output.WriteLine($"bicep {BicepCli.Version} build main.bicep: {fixture.Build.Elapsed.TotalSeconds:0.00} s");
        Assert.Equal(0, fixture.Build.ExitCode);
        Assert.Empty(fixture.Build.Diagnostics);
    }

    [Fact]
    public void Every_parameter_is_described_and_every_secret_is_a_secure_parameter()
    {
        var parameters = fixture.Template["parameters"]!.AsObject();
        Assert.NotEmpty(parameters);
        foreach (var (name, declaration) in parameters)
        {
            var description = (string?)declaration!["metadata"]?["description"];
            Assert.False(string.IsNullOrWhiteSpace(description), $"parameter {name} has no @description");
            if (Regex.IsMatch(name, "password|secret|key", RegexOptions.IgnoreCase))
            {
                var type = (string)declaration["type"]!;
                Assert.True(type is "securestring" or "secureObject", $"parameter {name} looks secret but is {type}, not @secure()");
            }
        }
        foreach (var secret in new[] { "metricsAccessKey", "coachConsoleKeys", "microsoftAppPassword", "directLineTokenSigningSecret" })
        {
            Assert.True(parameters.ContainsKey(secret), $"parameter {secret} is missing");
        }
        // Bot SKU and App Service tier are limited to values that work (Free App Service has no Always On).
        Assert.Equal(["F0", "S1"], parameters["botSku"]!["allowedValues"]!.AsArray().Select(v => (string)v!));
        Assert.DoesNotContain("F1", parameters["appServicePlanSku"]!["allowedValues"]!.AsArray().Select(v => (string)v!));
    }

    [Fact]
    public void Template_outputs_the_bot_endpoint_web_app_url_and_storage_account()
    {
        var outputs = fixture.Template["outputs"]!.AsObject();
        foreach (var name in new[] { "botEndpoint", "webAppUrl", "webAppName", "storageAccountName", "microsoftAppId" })
        {
            Assert.True(outputs.ContainsKey(name), $"output {name} is missing");
        }
        Assert.Equal($"https://{Name(fixture.Example.WebApp)}.azurewebsites.net/api/messages", (string?)fixture.Example.Outputs["botEndpoint"]);
    }

    [Fact]
    public void Deployment_creates_every_resource_the_bot_needs_with_stable_api_versions()
    {
        var snapshot = fixture.Example;
        foreach (var type in new[]
        {
            "Microsoft.Web/serverfarms", "Microsoft.Web/sites", "Microsoft.BotService/botServices",
            "Microsoft.Storage/storageAccounts", "Microsoft.Storage/storageAccounts/blobServices/containers",
            "Microsoft.Insights/components", "Microsoft.OperationalInsights/workspaces",
            "Microsoft.ManagedIdentity/userAssignedIdentities",
        })
        {
            snapshot.Single(type);
        }
        Assert.Equal(3, snapshot.OfType("Microsoft.BotService/botServices/channels").Count());
        foreach (var resource in snapshot.Resources)
        {
            Assert.DoesNotContain("preview", (string)resource["apiVersion"]!);
        }
    }

    [Fact]
    public void Web_app_runs_the_published_bot_on_linux_dotnet_10_https_only_with_health_check()
    {
        var plan = fixture.Example.Single("Microsoft.Web/serverfarms");
        Assert.Equal("linux", (string?)plan["kind"]);
        Assert.True((bool)plan["properties"]!["reserved"]!);

        var site = fixture.Example.WebApp;
        var properties = site["properties"]!;
        var config = properties["siteConfig"]!;
        Assert.Equal("DOTNETCORE|10.0", (string?)config["linuxFxVersion"]);
        Assert.True((bool)properties["httpsOnly"]!);
        Assert.True((bool)config["alwaysOn"]!);
        Assert.Equal("/healthz", (string?)config["healthCheckPath"]);
        Assert.False((bool)config["webSocketsEnabled"]!);
        Assert.Equal("1.2", (string?)config["minTlsVersion"]);
        Assert.Equal("Disabled", (string?)config["ftpsState"]);
        Assert.Equal((string)plan["id"]!, (string?)properties["serverFarmId"]);
        // The startup command runs the assembly that `dotnet publish Bot` produces.
        Assert.Equal($"dotnet {typeof(BotHost).Assembly.GetName().Name}.dll", (string?)config["appCommandLine"]);

        var identity = fixture.Example.Single("Microsoft.ManagedIdentity/userAssignedIdentities");
        Assert.Equal("UserAssigned", (string?)site["identity"]!["type"]);
        Assert.Equal([(string)identity["id"]!], site["identity"]!["userAssignedIdentities"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void Azure_bot_posts_to_the_web_apps_api_messages_as_the_managed_identity()
    {
        var bot = fixture.Example.Single("Microsoft.BotService/botServices");
        var properties = bot["properties"]!;
        Assert.Equal("azurebot", (string?)bot["kind"]);
        Assert.Equal("global", (string?)bot["location"]);
        Assert.Equal("F0", (string?)bot["sku"]!["name"]);
        var endpoint = (string)properties["endpoint"]!;
        Assert.EndsWith("/api/messages", endpoint);
        Assert.Equal($"https://{Name(fixture.Example.WebApp)}.azurewebsites.net/api/messages", endpoint);
        Assert.Equal("UserAssignedMSI", (string?)properties["msaAppType"]);
        var identity = fixture.Example.Single("Microsoft.ManagedIdentity/userAssignedIdentities");
        Assert.Equal((string?)identity["id"], (string?)properties["msaAppMSIResourceId"]);
        // Client id and tenant are the identity's, known once it exists.
        Assert.Contains("outputs.clientId", (string)properties["msaAppId"]!);
        Assert.Contains("outputs.tenantId", (string)properties["msaAppTenantId"]!);
        Assert.Equal((string?)properties["displayName"], fixture.Example.AppSetting("Bot__Name"));
    }

    [Fact]
    public void Azure_bot_is_connected_to_web_chat_direct_line_and_teams()
    {
        var bot = Name(fixture.Example.Single("Microsoft.BotService/botServices"));
        var channels = fixture.Example.OfType("Microsoft.BotService/botServices/channels")
            .ToDictionary(c => (string)c["properties"]!["channelName"]!);
        Assert.Equal(["DirectLineChannel", "MsTeamsChannel", "WebChatChannel"], channels.Keys.Order());
        foreach (var (channelName, channel) in channels)
        {
            Assert.Equal($"{bot}/{channelName}", Name(channel));
        }
        Assert.True((bool)channels["MsTeamsChannel"]["properties"]!["properties"]!["isEnabled"]!);
        var directLine = channels["DirectLineChannel"]["properties"]!["properties"]!["sites"]![0]!;
        Assert.True((bool)directLine["isEnabled"]!);
        Assert.True((bool)directLine["isV3Enabled"]!);
        Assert.True((bool)channels["WebChatChannel"]["properties"]!["properties"]!["sites"]![0]!["isEnabled"]!);
    }

    [Fact]
    public void Storage_account_is_https_only_tls12_and_private_and_holds_the_bots_container()
    {
        var account = fixture.Example.Single("Microsoft.Storage/storageAccounts");
        var properties = account["properties"]!;
        Assert.Equal("StorageV2", (string?)account["kind"]);
        Assert.True((bool)properties["supportsHttpsTrafficOnly"]!);
        Assert.Equal("TLS1_2", (string?)properties["minimumTlsVersion"]);
        Assert.False((bool)properties["allowBlobPublicAccess"]!);
        Assert.Matches("^[a-z0-9]{3,24}$", Name(account));

        var container = fixture.Example.Single("Microsoft.Storage/storageAccounts/blobServices/containers");
        Assert.Equal("None", (string?)container["properties"]!["publicAccess"]);
        Assert.Equal($"{Name(account)}/default/{fixture.Example.AppSetting("Storage__Container")}", Name(container));
        Assert.Equal("Blob", fixture.Example.AppSetting("Storage__Kind"));
        var connection = fixture.Example.RawAppSettings.Single(s => s.Key == "Storage__ConnectionString").Value;
        Assert.Contains($"AccountName={{0}};AccountKey={{1}}", connection);
        Assert.Contains($"'{Name(account)}'", connection);
    }

    [Fact]
    public void Application_insights_is_workspace_based_and_its_connection_string_reaches_the_web_app()
    {
        var workspace = fixture.Example.Single("Microsoft.OperationalInsights/workspaces");
        var insights = fixture.Example.Single("Microsoft.Insights/components");
        Assert.Equal((string)workspace["id"]!, (string?)insights["properties"]!["WorkspaceResourceId"]);
        Assert.Equal("web", (string?)insights["kind"]);
        var connection = fixture.Example.RawAppSettings.Single(s => s.Key == "APPLICATIONINSIGHTS_CONNECTION_STRING").Value;
        Assert.Contains((string)insights["id"]!, connection);
        Assert.Contains("ConnectionString", connection);
        Assert.Equal("~3", fixture.Example.AppSetting("ApplicationInsightsAgent_EXTENSION_VERSION"));
    }

    [Fact]
    public void Every_app_setting_is_a_configuration_key_the_bot_or_app_service_reads()
    {
        var names = fixture.Example.AppSettings.Concat(fixture.OneCoachAppRegistration.AppSettings).Select(s => s.Key).Distinct().ToList();
        output.WriteLine($"{names.Count} distinct app setting names");
        Assert.Contains("Storage__ConnectionString", names);
        Assert.Contains("Handoff__Teams__0__OfficeHours__1__Close", names);
        Assert.Empty(names.Select(BotConfigurationKeys.Problem).OfType<string>());
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());

        // The root keys are the ones Bot/appsettings.json declares, so they are the bot's and not the platform's.
        var appsettings = new ConfigurationBuilder().AddJsonFile(DeploymentTemplateFixture.AppSettingsJsonPath).Build();
        foreach (var key in BotConfigurationKeys.RootKeys.Keys)
        {
            Assert.True(appsettings.GetSection(key).Exists(), $"{key} is not in Bot/appsettings.json");
        }
    }

    [Fact]
    public void Key_map_rejects_app_settings_that_reach_no_option()
    {
        Assert.Null(BotConfigurationKeys.Problem("Handoff__Teams__1__OfficeHours__0__Open"));
        Assert.Null(BotConfigurationKeys.Problem("Metrics__AccessKeys__3"));
        Assert.Null(BotConfigurationKeys.Problem("storage__kind"));
        Assert.Contains("no settable property 'ConsoleKye'", BotConfigurationKeys.Problem("Handoff__Coaches__0__ConsoleKye"));
        Assert.Contains("no options class has Section 'Storag'", BotConfigurationKeys.Problem("Storag__Kind"));
        Assert.Contains("should be an index", BotConfigurationKeys.Problem("Metrics__AccessKeys__first"));
        Assert.Contains("not a value", BotConfigurationKeys.Problem("Handoff__Coaches__0"));
        Assert.Contains("has no 'Extra'", BotConfigurationKeys.Problem("Storage__Kind__Extra"));
        Assert.NotNull(BotConfigurationKeys.Problem("MicrosoftAppSecret"));
    }

    [Fact]
    public void Deployed_configuration_starts_the_bot_on_blob_storage_with_the_deployed_coaches_and_keys()
    {
        var configuration = DeploymentTemplateFixture.DeployedConfiguration(fixture.Example);
        var options = DeploymentTemplateFixture.ValidatedOptions(configuration);

        var storage = (StorageOptions)options[StorageOptions.Section];
        Assert.Equal(StorageKind.Blob, storage.Kind);
        Assert.Equal("chatbot", storage.Container);
        Assert.StartsWith("runtime:", storage.ConnectionString);

        var handoff = (HandoffOptions)options[HandoffOptions.Section];
        Assert.Equal(["dana:Dana:sales", "sam:Sam:support"], handoff.Coaches.Select(c => $"{c.Id}:{c.Name}:{c.Team}"));
        Assert.Equal([DeploymentTemplateFixture.DanaKey, DeploymentTemplateFixture.SamKey], handoff.Coaches.Select(c => c.ConsoleKey));
        Assert.Equal("29:replace-with-sams-teams-user-id", handoff.Coaches[1].TeamsUserId);
        Assert.Equal(["sales", "support"], handoff.Teams.Select(t => t.Name));
        var sales = handoff.Teams[0];
        Assert.Equal("Europe/Paris", sales.TimeZone);
        Assert.Equal(["Mon-Fri 08:30-18:00", "Sat 09:00-12:00"], sales.OfficeHours.Select(r => $"{r.Days} {r.Open}-{r.Close}"));
        Assert.Equal(240, handoff.Teams[1].AcceptTimeoutSeconds);
        AssertNoLocalSampleKeys(handoff, (MetricsOptions)options[MetricsOptions.Section]);
        Assert.Equal([DeploymentTemplateFixture.MetricsKey], ((MetricsOptions)options[MetricsOptions.Section]).AccessKeys);

        Assert.Equal("UserAssignedMSI", configuration["MicrosoftAppType"]);
        Assert.Contains("outputs.clientId", configuration["MicrosoftAppId"]);
        Assert.Equal("", configuration["MicrosoftAppPassword"]);
        Assert.Equal("Larkspur Assistant", ((BotOptions)options[BotOptions.Section]).Name);

        // Kestrel, App Service and the local Direct Line channel agree on one port, and replies go over loopback.
        var port = new Uri(configuration["Urls"]!.Replace("+", "localhost", StringComparison.Ordinal)).Port;
        Assert.Equal(port.ToString(), configuration["WEBSITES_PORT"]);
        var serviceUrl = new Uri(((DirectLineOptions)options[DirectLineOptions.Section]).ServiceUrl);
        Assert.True(serviceUrl.IsLoopback, $"DirectLine:ServiceUrl {serviceUrl} is not loopback");
        Assert.Equal(port, serviceUrl.Port);
        Assert.Equal("", ((DirectLineOptions)options[DirectLineOptions.Section]).TokenSigningSecret);
    }

    [Fact]
    public void With_one_coach_the_unreplaced_sample_coach_loses_its_console_key_and_an_app_registration_replaces_the_identity()
    {
        var snapshot = fixture.OneCoachAppRegistration;
        var configuration = DeploymentTemplateFixture.DeployedConfiguration(snapshot);
        var options = DeploymentTemplateFixture.ValidatedOptions(configuration);

        var handoff = (HandoffOptions)options[HandoffOptions.Section];
        Assert.Equal("kim", handoff.Coaches[0].Id);
        Assert.Equal(DeploymentTemplateFixture.KimKey, handoff.Coaches[0].ConsoleKey);
        // Slot 1 is still Bot/appsettings.json's sample coach: App Service settings cannot delete it, but it can no longer sign in.
        Assert.Equal(2, handoff.Coaches.Count);
        Assert.True(string.IsNullOrEmpty(handoff.Coaches[1].ConsoleKey), $"sample coach {handoff.Coaches[1].Id} keeps console key {handoff.Coaches[1].ConsoleKey}");
        Assert.True(string.IsNullOrEmpty(handoff.Coaches[1].TeamsUserId));
        AssertNoLocalSampleKeys(handoff, (MetricsOptions)options[MetricsOptions.Section]);
        // Default schedules: both teams always open.
        Assert.All(handoff.Teams, t => Assert.Equal("Mon-Sun 00:00-24:00", string.Join(",", t.OfficeHours.Select(r => $"{r.Days} {r.Open}-{r.Close}"))));

        Assert.Equal("SingleTenant", configuration["MicrosoftAppType"]);
        Assert.Equal(DeploymentTemplateFixture.AppRegistrationId, configuration["MicrosoftAppId"]);
        Assert.Equal(DeploymentTemplateFixture.AppRegistrationSecret, configuration["MicrosoftAppPassword"]);
        Assert.Equal(DeploymentTemplateFixture.AppRegistrationTenant, configuration["MicrosoftAppTenantId"]);

        Assert.Empty(snapshot.OfType("Microsoft.ManagedIdentity/userAssignedIdentities"));
        Assert.Equal("None", (string?)snapshot.WebApp["identity"]!["type"]);
        var bot = snapshot.Single("Microsoft.BotService/botServices")["properties"]!;
        Assert.Equal("SingleTenant", (string?)bot["msaAppType"]);
        Assert.Equal(DeploymentTemplateFixture.AppRegistrationId, (string?)bot["msaAppId"]);
        Assert.Equal(DeploymentTemplateFixture.AppRegistrationTenant, (string?)bot["msaAppTenantId"]);
        Assert.Null(bot["msaAppMSIResourceId"]);
        Assert.Equal("https://one-coach-bot.azurewebsites.net/api/messages", (string?)bot["endpoint"]);
    }

    [Fact]
    public async Task The_bot_serves_the_health_check_path_and_the_messaging_endpoint_the_template_configures()
    {
        var healthCheckPath = (string)fixture.Example.WebApp["properties"]!["siteConfig"]!["healthCheckPath"]!;
        var messagesPath = new Uri((string)fixture.Example.Single("Microsoft.BotService/botServices")["properties"]!["endpoint"]!).AbsolutePath;

        await using var host = await BotTestHost.StartAsync();
        using var client = host.CreateClient();
        var health = await client.GetAsync(healthCheckPath.TrimStart('/'));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var messages = await client.PostAsync(messagesPath.TrimStart('/'), new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.NotEqual(HttpStatusCode.NotFound, messages.StatusCode);
        Assert.NotEqual(HttpStatusCode.MethodNotAllowed, messages.StatusCode);
    }

    /// <summary>No console key or metrics key that Bot/appsettings.json ships for local use survives deployment.</summary>
    private static void AssertNoLocalSampleKeys(HandoffOptions handoff, MetricsOptions metrics)
    {
        var local = new ConfigurationBuilder().AddJsonFile(DeploymentTemplateFixture.AppSettingsJsonPath).Build();
        var sampleConsoleKeys = local.GetSection("Handoff:Coaches").GetChildren().Select(c => c["ConsoleKey"]).OfType<string>().ToList();
        var sampleMetricsKeys = local.GetSection("Metrics:AccessKeys").GetChildren().Select(c => c.Value).OfType<string>().ToList();
        Assert.NotEmpty(sampleConsoleKeys);
        Assert.NotEmpty(sampleMetricsKeys);
        Assert.DoesNotContain(handoff.Coaches, c => c.ConsoleKey != null && sampleConsoleKeys.Contains(c.ConsoleKey));
        Assert.DoesNotContain(metrics.AccessKeys, sampleMetricsKeys.Contains);
    }

    private static string Name(JsonObject resource) => (string)resource["name"]!;
}
