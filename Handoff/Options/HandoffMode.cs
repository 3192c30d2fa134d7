namespace ChatBot.Handoff.Options;

public enum HandoffMode
{
    /// <summary>Our own coaches, queue and console.</summary>
    Local,

    /// <summary>An external agent hub (e.g. Dynamics 365 Omnichannel) via handoff.initiate / handoff.status.</summary>
    External,
}
