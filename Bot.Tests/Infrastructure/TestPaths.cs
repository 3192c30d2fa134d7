namespace ChatBot.Tests.Infrastructure;

public static class TestPaths
{
    /// <summary>The repository root (the folder holding ChatBot.sln).</summary>
    public static string RepoRoot { get; } = Find();

    /// <summary>Where tests save screenshots and other artefacts for people to look at.</summary>
    public static string Output(string name)
    {
        var dir = Path.Combine(RepoRoot, "test-output");
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, name);
    }

    public static string Fixture(params string[] parts) =>
        Path.Combine([RepoRoot, "Bot.Tests", "Fixtures", .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChatBot.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("ChatBot.sln not found above " + AppContext.BaseDirectory);
    }
}
