using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace ChatBot.Dialogs.Prompts;

/// <summary>
/// Prompt activities are stored in the prompt's options, so they are copied before anything
/// (choices, suggested actions) is added to them: the stored question stays as the developer wrote it.
/// </summary>
internal static class PromptActivity
{
    public static Activity? Copy(Activity? activity)
    {
        if (activity == null)
        {
            return null;
        }
        var copy = JsonConvert.DeserializeObject<Activity>(JsonConvert.SerializeObject(activity))!;
        copy.Type ??= ActivityTypes.Message;
        copy.InputHint ??= InputHints.ExpectingInput;
        return copy;
    }
}
