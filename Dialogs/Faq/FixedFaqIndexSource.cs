namespace ChatBot.Dialogs.Faq;

/// <summary>A knowledge base that never changes: for the evaluation command and tests.</summary>
public sealed class FixedFaqIndexSource(FaqIndex index) : IFaqIndexSource
{
    public FaqIndex Current { get; } = index;
}
