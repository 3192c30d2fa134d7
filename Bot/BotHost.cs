using ChatBot.Adapters;
using ChatBot.Bots;
using ChatBot.DirectLine;
using ChatBot.Dialogs.Faq;
using ChatBot.Dialogs.Prospects;
using ChatBot.Endpoints;
using ChatBot.Events;
using ChatBot.Metrics;
using ChatBot.Handoff;
using ChatBot.Options;
using ChatBot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Options;

namespace ChatBot;

/// <summary>Builds the web host: configuration, services, the bot's pipeline and its endpoints.</summary>
public static class BotHost
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = FindContentRoot(),
        });
        AddServices(builder.Services, builder.Configuration, builder.Environment);
        // Last, so that a caller (a test, the benchmark) can replace any service.
        configure?.Invoke(builder);

        var app = builder.Build();
        MapEndpoints(app);
        return app;
    }

    public static void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<BotOptions>().Bind(configuration.GetSection(BotOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        services.AddFaq(configuration);

        services.AddHttpClient();
        services.AddChatBotStorage(configuration, environment);
        services.AddSingleton<ConversationState>();
        services.AddSingleton<UserState>();
        services.AddOutcomeEvents(configuration);

        // Anonymous when MicrosoftAppId is empty (as with the Emulator and the local channel), JWT-validated when set.
        services.AddSingleton<BotFrameworkAuthentication>(sp => new ConfigurationBotFrameworkAuthentication(
            configuration,
            httpClientFactory: sp.GetRequiredService<IHttpClientFactory>(),
            logger: sp.GetRequiredService<ILogger<ConfigurationBotFrameworkAuthentication>>()));
        // The local Direct Line channel wraps it for activities whose serviceUrl is this host.
        services.AddDirectLine(configuration);
        // Outermost, so every channel's turns (local or not) reuse Connector clients: see Adapters/ConnectorClientCache.cs.
        services.AddSingleton<ConnectorClientCache>();
        var authentication = services.Last(d => d.ServiceType == typeof(BotFrameworkAuthentication));
        services.Remove(authentication);
        services.AddSingleton<BotFrameworkAuthentication>(sp => new ReusingBotFrameworkAuthentication(
            (BotFrameworkAuthentication)authentication.ImplementationFactory!(sp),
            sp.GetRequiredService<ConnectorClientCache>()));

        // Pipeline middleware, in order.
        services.AddSingleton<IMiddleware, InputSanitizerMiddleware>();
        services.AddHandoff(configuration);

        // The prospect journey: dialogs, qualification options, state, events and routing.
        services.AddProspectJourney(configuration);

        services.AddSingleton<AdapterWithErrorHandler>();
        services.AddSingleton<CloudAdapter>(sp => sp.GetRequiredService<AdapterWithErrorHandler>());
        services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<AdapterWithErrorHandler>());
        services.AddTransient<IBot, MainBot>();
    }

    public static void MapEndpoints(WebApplication app)
    {
        app.UseExceptionHandler(errorApp => errorApp.Run(async context =>
        {
            // Whatever went wrong, the caller gets one plain line, never a stack trace.
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            await context.Response.WriteAsJsonAsync(new { error = "The server could not handle this request." });
        }));
        app.UseDefaultFiles();
        app.UseStaticFiles();

        app.MapGet("/healthz", () => Results.Json(new { status = "ok" }));
        app.MapPost("/api/messages", MessagesEndpoint.HandleAsync);
        app.MapDirectLine();
        app.MapMetrics();
        app.MapFaq();
        app.MapCoachConsole();
    }

    internal static string ResolvePath(string path, IHostEnvironment environment) =>
        Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(environment.ContentRootPath, path));

    /// <summary>The Bot project folder (see <see cref="FindContentRoot"/>), for commands that read the host's configuration.</summary>
    internal static string ContentRoot => FindContentRoot();

    /// <summary>
    /// The Bot project folder (where wwwroot and appsettings.json live), whether the host runs from
    /// `dotnet run --project Bot`, from a test's bin folder, or from a published folder.
    /// </summary>
    private static string FindContentRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChatBot.sln")))
            {
                return Path.Combine(dir.FullName, "Bot");
            }
        }
        return Directory.GetCurrentDirectory();
    }
}
