using Microsoft.Bot.Builder;

namespace ChatBot.Handoff.Coaches;

/// <summary>
/// Whether the channel vouched for who sent a turn. A coach's identity (channel and from.id) is believed only on a
/// vouched turn: anyone can put "coach:dana" in an activity, so the directory alone proves nothing.
/// </summary>
public interface ICoachIdentityVerifier
{
    bool IsVouchedFor(ITurnContext turnContext);
}
