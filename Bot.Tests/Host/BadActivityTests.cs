using System.Net;
using System.Text;
using System.Text.Json;
using ChatBot.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Tests.Host;

/// <summary>Each malformed request from Fixtures/bad-activities gets its documented answer and changes no stored state.</summary>
public class BadActivityTests
{
    public static TheoryData<string, int> Cases => new()
    {
        { "01-not-json.txt", 400 },
        { "02-empty-body.txt", 400 },
        { "03-array.json", 400 },
        { "04-missing-type.json", 400 },
        { "05-type-number.json", 400 },
        { "06-missing-conversation.json", 400 },
        { "07-conversation-without-id.json", 400 },
        { "08-missing-serviceUrl.json", 400 },
        { "09-serviceUrl-not-url.json", 400 },
        { "10-text-60k.json", 400 },
        { "12-unknown-type.json", 202 },
        { "13-missing-channelId.json", 400 },
        { "14-from-not-object.json", 400 },
        { "15-timestamp-not-date.json", 400 },
        { "16-attachments-not-array.json", 400 },
        { "17-lone-surrogate.json", 400 },
        { "18-local-channel-from-outside.json", 401 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Malformed_input_gets_a_clear_4xx_or_is_ignored_and_nothing_is_stored(string file, int expected)
    {
        await using var host = await BotTestHost.StartAsync();
        using var client = host.CreateClient();
        var before = StoredRows(host.DataPath);

        var body = await File.ReadAllTextAsync(TestPaths.Fixture("bad-activities", file));
        var response = await client.PostAsync("api/messages", new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(expected, (int)response.StatusCode);
        if (expected is 400 or 401)
        {
            var reason = JsonDocument.Parse(text).RootElement.GetProperty("error").GetString();
            Assert.False(string.IsNullOrWhiteSpace(reason));
            Assert.DoesNotContain('\n', reason);
        }
        Assert.DoesNotContain("   at ", text);
        await host.Services.GetRequiredService<ChatBot.Transcripts.BackgroundTranscriptLogger>().FlushAsync();
        Assert.Equal(before, StoredRows(host.DataPath));
    }

    [Fact]
    public async Task Control_characters_are_removed_before_the_bot_answers()
    {
        await using var channel = await TestChannel.StartAsync();
        await using var host = await BotTestHost.StartAsync();
        using var client = host.CreateClient();

        var body = (await File.ReadAllTextAsync(TestPaths.Fixture("bad-activities", "11-control-chars.json")))
            .Replace("http://127.0.0.1:9/", channel.ServiceUrl);
        var response = await client.PostAsync("api/messages", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.True(response.IsSuccessStatusCode);
        var replies = await channel.WaitForAsync("c1", 1);
        Assert.All(replies, r => Assert.DoesNotContain(r.Activity.Text ?? "", c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'));
    }

    /// <summary>Every stored row of every database (state, events, transcripts), as text, so a test can prove that nothing changed.</summary>
    private static string StoredRows(string dataPath)
    {
        var rows = new StringBuilder();
        foreach (var file in Directory.GetFiles(dataPath, "*.db").Order(StringComparer.Ordinal))
        {
            rows.Append("== ").AppendLine(Path.GetFileName(file)).Append(RowsOf(file));
        }
        return rows.ToString();
    }

    private static string RowsOf(string file)
    {
        using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        var rows = new StringBuilder();
        using var tables = connection.CreateCommand();
        tables.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
        var names = new List<string>();
        using (var reader = tables.ExecuteReader())
        {
            while (reader.Read())
            {
                names.Add(reader.GetString(0));
            }
        }
        foreach (var name in names)
        {
            using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{name}\"";
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    rows.Append(reader.GetValue(i)).Append('|');
                }
                rows.AppendLine();
            }
        }
        return rows.ToString();
    }
}
