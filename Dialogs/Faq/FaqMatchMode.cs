namespace ChatBot.Dialogs.Faq;

/// <summary>Which signals rank and decide. Hybrid is the product; the single-signal modes exist for evaluation.</summary>
public enum FaqMatchMode
{
    Hybrid = 0,
    Lexical = 1,
    Semantic = 2,
}
