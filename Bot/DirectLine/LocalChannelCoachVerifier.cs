using System.Security.Claims;
using System.Security.Principal;
using ChatBot.Handoff.Coaches;
using Microsoft.Bot.Builder;

namespace ChatBot.DirectLine;

/// <summary>
/// Who vouches for a coach on this host: on the local channel's id ("directline", the coach console) only this
/// host's Direct Line, whose tokens bind the user id (coach tokens need a console key); Azure's Direct Line uses the
/// same channel id but may let clients choose their id. On any other channel, an authenticated Bot Framework channel.
/// </summary>
public sealed class LocalChannelCoachVerifier : ICoachIdentityVerifier
{
    public bool IsVouchedFor(ITurnContext turnContext)
    {
        if (turnContext.Activity.ChannelId == DirectLineChannel.ChannelId)
        {
            return turnContext.TurnState.Get<IIdentity>(BotAdapter.BotIdentityKey) is ClaimsIdentity identity
                && identity.HasClaim(LocalChannelAuthentication.LocalChannelClaim, DirectLineChannel.ChannelId);
        }
        return AuthenticatedChannelVerifier.IsAuthenticatedChannel(turnContext);
    }
}
