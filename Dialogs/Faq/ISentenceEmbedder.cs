namespace ChatBot.Dialogs.Faq;

/// <summary>Turns sentences into L2-normalised vectors, so a dot product is the cosine similarity.</summary>
public interface ISentenceEmbedder
{
    float[][] Embed(IReadOnlyList<string> sentences, CancellationToken cancellationToken = default);
}
