using System.Text;
using Microsoft.Bot.Builder;

namespace ChatBot.Endpoints;

/// <summary>
/// Removes control characters (other than tab and line breaks) from inbound text before anything
/// logs, stores or shows it: terminal escapes and NULs never reach logs, transcripts or pages.
/// </summary>
public sealed class InputSanitizerMiddleware : IMiddleware
{
    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        if (activity.Text != null)
        {
            activity.Text = Clean(activity.Text);
        }
        return next(cancellationToken);
    }

    public static string Clean(string text)
    {
        if (!text.Any(IsUnwanted))
        {
            return text;
        }
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!IsUnwanted(c))
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    private static bool IsUnwanted(char c) => char.IsControl(c) && c != '\n' && c != '\r' && c != '\t';
}
