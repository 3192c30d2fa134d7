using System.Security.Claims;
using System.Security.Principal;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector.Authentication;

namespace ChatBot.Handoff.Coaches;

/// <summary>
/// The default rule: a turn is vouched for when the adapter authenticated the channel that sent it (a Bot Framework
/// JWT, e.g. Teams through Azure Bot Service). Anonymous turns (MicrosoftAppId empty, as with the Emulator) never are.
/// The host replaces this where it knows more about its channels.
/// </summary>
public sealed class AuthenticatedChannelVerifier : ICoachIdentityVerifier
{
    public bool IsVouchedFor(ITurnContext turnContext) => IsAuthenticatedChannel(turnContext);

    public static bool IsAuthenticatedChannel(ITurnContext turnContext) =>
        turnContext.TurnState.Get<IIdentity>(BotAdapter.BotIdentityKey) is ClaimsIdentity { IsAuthenticated: true } identity
        && identity.AuthenticationType != AuthenticationConstants.AnonymousAuthType;
}
