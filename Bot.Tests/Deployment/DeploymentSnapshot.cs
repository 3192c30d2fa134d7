using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ChatBot.Tests.Deployment;

/// <summary>
/// The resources a deployment of main.bicep would create, as `bicep snapshot` predicts them offline for given
/// parameters (modules flattened, loops and most expressions evaluated against a made-up subscription).
/// </summary>
public sealed class DeploymentSnapshot
{
    public const string SubscriptionId = "00000000-0000-0000-0000-0000000000a1";
    public const string ResourceGroup = "rg-chatbot-test";
    public const string Location = "westeurope";
    public const string TenantId = "00000000-0000-0000-0000-0000000000b2";

    private DeploymentSnapshot(JsonObject root, IReadOnlyDictionary<string, JsonNode?> parameters, JsonObject templateParameters)
    {
        Resources = root["predictedResources"]!.AsArray().Select(r => r!.AsObject()).ToList();
        Outputs = root["outputs"]!.AsObject();
        Parameters = parameters;
        TemplateParameters = templateParameters;
    }

    public IReadOnlyList<JsonObject> Resources { get; }
    public JsonObject Outputs { get; }
    /// <summary>The parameter values the snapshot was made with.</summary>
    public IReadOnlyDictionary<string, JsonNode?> Parameters { get; }
    /// <summary>main.bicep's parameter declarations (from the compiled ARM JSON), for defaults.</summary>
    public JsonObject TemplateParameters { get; }

    /// <summary>Runs `bicep snapshot` for main.bicep in <paramref name="templatesFolder"/> with these parameters.</summary>
    public static DeploymentSnapshot Create(string templatesFolder, string workFolder, string name,
        IReadOnlyDictionary<string, JsonNode?> parameters, JsonObject templateParameters)
    {
        Directory.CreateDirectory(workFolder);
        var paramFile = Path.Combine(workFolder, name + ".bicepparam");
        // A .bicepparam file names its template by a relative path.
        var template = Path.GetRelativePath(workFolder, Path.Combine(templatesFolder, "main.bicep"));
        File.WriteAllText(paramFile, BicepParamFile.Create(template, parameters));
        var run = BicepCli.Run(workFolder, "snapshot", paramFile, "--mode", "overwrite",
            "--subscription-id", SubscriptionId, "--resource-group", ResourceGroup, "--location", Location, "--tenant-id", TenantId);
        var output = Path.Combine(workFolder, name + ".snapshot.json");
        if (run.ExitCode != 0 || !File.Exists(output))
        {
            throw new InvalidOperationException($"bicep snapshot failed for {name}: {run}");
        }
        return new DeploymentSnapshot(JsonNode.Parse(File.ReadAllText(output))!.AsObject(), parameters, templateParameters);
    }

    public IEnumerable<JsonObject> OfType(string type) =>
        Resources.Where(r => string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase));

    public JsonObject Single(string type)
    {
        var matches = OfType(type).ToList();
        Assert.True(matches.Count == 1, $"expected one {type}, found {matches.Count}: {string.Join(", ", Resources.Select(r => r["type"]))}");
        return matches[0];
    }

    public JsonObject WebApp => Single("Microsoft.Web/sites");

    /// <summary>The web app's app settings as the snapshot shows them (secure values stay expressions).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> RawAppSettings =>
        WebApp["properties"]!["siteConfig"]!["appSettings"]!.AsArray()
            .Select(s => new KeyValuePair<string, string>((string)s!["name"]!, (string?)s["value"] ?? ""))
            .ToList();

    /// <summary>
    /// The app settings with the values the web app would see. Snapshots hide secure values behind
    /// [parameters('x')] expressions: these get the value this snapshot passed for main.bicep's parameter x (the
    /// modules keep main's parameter names), or its default. Values only known once deployed (keys,
    /// connection strings, identity ids) become "runtime:" placeholders.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> AppSettings =>
        RawAppSettings.Select(s => new KeyValuePair<string, string>(s.Key, Evaluate(s.Value))).ToList();

    public string AppSetting(string name)
    {
        var matches = AppSettings.Where(s => s.Key == name).ToList();
        Assert.True(matches.Count == 1, $"expected one app setting {name}, found {matches.Count}");
        return matches[0].Value;
    }

    private static readonly Regex ParameterExpression = new(@"^\[parameters\('(?<name>\w+)'\)\]$");
    private static readonly Regex LookupExpression = new(@"^\[coalesce\(tryGet\(parameters\('(?<name>\w+)'\), '(?<key>[^']*)'\), ''\)\]$");

    private string Evaluate(string value)
    {
        if (!value.StartsWith('['))
        {
            return value;
        }
        if (value.StartsWith("[["))
        {
            return value[1..];
        }
        if (ParameterExpression.Match(value) is { Success: true } p)
        {
            return ParameterValue(p.Groups["name"].Value)?.ToString() ?? "";
        }
        if (LookupExpression.Match(value) is { Success: true } l)
        {
            return (ParameterValue(l.Groups["name"].Value) as JsonObject)?[l.Groups["key"].Value]?.ToString() ?? "";
        }
        return "runtime:" + value;
    }

    private JsonNode? ParameterValue(string name) =>
        Parameters.TryGetValue(name, out var given) ? given : TemplateParameters[name]?["defaultValue"];
}
