using System.Collections;
using System.Reflection;
using ChatBot.Dialogs.Faq;
using ChatBot.Handoff.Options;

namespace ChatBot.Tests.Deployment;

/// <summary>
/// The configuration keys the bot reads: every property path under an options class's Section (Bot/, Dialogs/,
/// Handoff/), plus the few root keys read directly. Used to prove that each app setting the template writes
/// reaches a real option, so renaming an option (or misspelling a setting) fails a test.
/// </summary>
public static class BotConfigurationKeys
{
    /// <summary>Options classes by their Section (case-insensitive, as configuration keys are).</summary>
    public static IReadOnlyDictionary<string, Type> Sections { get; } = FindSections();

    /// <summary>Root keys the bot reads outside any options class, and what reads them.</summary>
    public static IReadOnlyDictionary<string, string> RootKeys { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["MicrosoftAppType"] = "the Bot Framework SDK's ConfigurationBotFrameworkAuthentication",
        ["MicrosoftAppId"] = "ConfigurationBotFrameworkAuthentication, LocalChannelAuthentication and HandoffRelay",
        ["MicrosoftAppPassword"] = "ConfigurationBotFrameworkAuthentication",
        ["MicrosoftAppTenantId"] = "ConfigurationBotFrameworkAuthentication",
        ["Urls"] = "the ASP.NET Core host (the addresses Kestrel listens on)",
        ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "ApplicationInsightsOptions: outcome events to Application Insights (and App Service's agent)",
    };

    /// <summary>Settings that App Service and its Application Insights agent read; the bot does not.</summary>
    public static IReadOnlyDictionary<string, string> PlatformSettings { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["WEBSITES_PORT"] = "App Service: the port it forwards requests to",
        ["ApplicationInsightsAgent_EXTENSION_VERSION"] = "App Service: turns the Application Insights agent on",
        ["XDT_MicrosoftApplicationInsights_Mode"] = "App Service's Application Insights agent: collection mode",
    };

    /// <summary>Null when the app setting maps to something the bot or the platform reads; else why not.</summary>
    public static string? Problem(string appSettingName)
    {
        if (PlatformSettings.ContainsKey(appSettingName))
        {
            return null;
        }
        var key = appSettingName.Replace("__", ":", StringComparison.Ordinal);
        var parts = key.Split(':');
        if (parts.Length == 1)
        {
            return RootKeys.ContainsKey(key) ? null : $"'{appSettingName}' is neither a key the bot reads at the root nor an App Service setting.";
        }
        if (!Sections.TryGetValue(parts[0], out var type))
        {
            return $"'{appSettingName}' ({key}): no options class has Section '{parts[0]}'. Sections: {string.Join(", ", Sections.Keys)}.";
        }

        var path = type.Name;
        foreach (var part in parts.Skip(1))
        {
            if (ElementType(type) is { } element)
            {
                if (!int.TryParse(part, out var index) || index < 0)
                {
                    return $"'{appSettingName}' ({key}): {path} is a list, so '{part}' should be an index.";
                }
                type = element;
                path += $"[{index}]";
                continue;
            }
            if (IsValue(type))
            {
                return $"'{appSettingName}' ({key}): {path} is a {type.Name} value and has no '{part}'.";
            }
            var property = type.GetProperty(part, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property == null || (!property.CanWrite && ElementType(property.PropertyType) == null))
            {
                return $"'{appSettingName}' ({key}): {path} ({type.FullName}) has no settable property '{part}'.";
            }
            type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            path += "." + property.Name;
        }
        return IsValue(type) ? null : $"'{appSettingName}' ({key}): {path} is a {type.Name} with keys of its own, not a value.";
    }

    private static Dictionary<string, Type> FindSections()
    {
        var sections = new Dictionary<string, Type>(StringComparer.OrdinalIgnoreCase);
        foreach (var assembly in new[] { typeof(BotHost).Assembly, typeof(FaqOptions).Assembly, typeof(HandoffOptions).Assembly })
        {
            foreach (var type in assembly.GetTypes())
            {
                if (type.GetField("Section", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field
                    && field.GetRawConstantValue() is string section)
                {
                    sections.Add(section, type);
                }
            }
        }
        return sections;
    }

    private static Type? ElementType(Type type)
    {
        if (type == typeof(string))
        {
            return null;
        }
        if (type.IsArray)
        {
            return type.GetElementType();
        }
        return type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) && type.GetGenericArguments().Length == 1
            ? type.GetGenericArguments()[0]
            : null;
    }

    private static bool IsValue(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan)
        || type == typeof(DateTimeOffset) || type == typeof(DateTime) || type == typeof(Uri) || type == typeof(Guid);
}
