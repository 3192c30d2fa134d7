using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;

namespace ChatBot.Adapters;

/// <summary>
/// The production <see cref="CloudAdapter"/> plus the pipeline's middleware (in registration order)
/// and an error handler: the exception is logged with the conversation id, the user gets one
/// plain sentence, and no stack trace leaves the process.
/// </summary>
public sealed class AdapterWithErrorHandler : CloudAdapter
{
    public const string ErrorMessage = "Sorry, something went wrong on our side. Please try again in a moment.";

    public AdapterWithErrorHandler(
        BotFrameworkAuthentication authentication,
        IEnumerable<IMiddleware> middleware,
        ILogger<AdapterWithErrorHandler> logger)
        : base(authentication, logger)
    {
        foreach (var item in middleware)
        {
            Use(item);
        }

        OnTurnError = async (turnContext, exception) =>
        {
            logger.LogError(exception, "Turn failed in conversation {ConversationId} on {ChannelId}",
                turnContext.Activity.Conversation?.Id, turnContext.Activity.ChannelId);
            try
            {
                await turnContext.SendActivityAsync(ErrorMessage);
            }
            catch (Exception sendError)
            {
                logger.LogWarning(sendError, "Could not tell conversation {ConversationId} about the error",
                    turnContext.Activity.Conversation?.Id);
            }
        };
    }
}
