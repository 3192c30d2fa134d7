using ChatBot.Events;
using Microsoft.Extensions.Options;

namespace ChatBot.Options;

/// <summary>
/// Application Insights, from the root key APPLICATIONINSIGHTS_CONNECTION_STRING (the name App Service, the Azure
/// template and Microsoft's SDKs use) rather than a section. Empty: no telemetry is sent.
/// </summary>
public sealed class ApplicationInsightsOptions
{
    public const string ConnectionStringKey = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    public string ConnectionString { get; set; } = "";

    public bool Enabled => !string.IsNullOrWhiteSpace(ConnectionString);
}

/// <summary>A connection string Application Insights would reject stops start-up with one line naming the setting.</summary>
public sealed class ApplicationInsightsOptionsValidator : IValidateOptions<ApplicationInsightsOptions>
{
    public ValidateOptionsResult Validate(string? name, ApplicationInsightsOptions options)
    {
        if (!options.Enabled || ApplicationInsightsBotTelemetryClient.Problem(options.ConnectionString) is not { } problem)
        {
            return ValidateOptionsResult.Success;
        }
        return ValidateOptionsResult.Fail(
            $"{ApplicationInsightsOptions.ConnectionStringKey} is not an Application Insights connection string ({problem.TrimEnd('.')}). " +
            "Copy it from the Application Insights resource's overview page, or leave it empty to send no telemetry.");
    }
}
