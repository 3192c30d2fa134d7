using System.ComponentModel.DataAnnotations;

namespace ChatBot.Options;

/// <summary>The "Storage" section: where state, conversations, the handoff queue and events are kept.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Sqlite (default, embedded), Blob (Azure Blob Storage) or Memory (tests only).</summary>
    [Required]
    public StorageKind Kind { get; set; } = StorageKind.Sqlite;

    /// <summary>Sqlite: the folder of the database file, relative to the Bot folder unless absolute.</summary>
    public string Path { get; set; } = "./data";

    /// <summary>Blob: the storage account connection string.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Blob: the container, created when missing.</summary>
    [RegularExpression("^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$",
        ErrorMessage = "Storage:Container must be 3 to 63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit.")]
    public string Container { get; set; } = "chatbot";
}

public enum StorageKind
{
    Sqlite,
    Blob,
    Memory,
}
