namespace ChatBot.Dialogs;

/// <summary>
/// Reads typed values back out of stored state. After a round trip through storage an int comes
/// back as a long (JSON has one number type), so numbers are converted rather than cast.
/// </summary>
internal static class StateValues
{
    public static int GetInt(IDictionary<string, object> state, string key, int fallback = 0) =>
        state.TryGetValue(key, out var value) && value != null ? Convert.ToInt32(value) : fallback;

    public static T? Get<T>(IDictionary<string, object> state, string key)
        where T : class =>
        state.TryGetValue(key, out var value) ? value as T : null;
}
