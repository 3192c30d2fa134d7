namespace ChatBot.Storage;

/// <summary>
/// The configured storage cannot be used. The message is one line for a person, naming the setting to check;
/// the host prints it and stops (no stack trace).
/// </summary>
public sealed class StorageUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
