namespace ChatBot.Dialogs.Faq;

/// <summary>Gives the recognizer the knowledge base in use; the file-backed source swaps it on reload.</summary>
public interface IFaqIndexSource
{
    FaqIndex Current { get; }
}
