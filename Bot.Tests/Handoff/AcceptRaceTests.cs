using ChatBot.Handoff.Events;
using ChatBot.Handoff.Storage;
using ChatBot.Storage;
using Microsoft.Bot.Builder;

namespace ChatBot.Tests.Handoff;

/// <summary>
/// Many coaches on several bot instances accept the same request at the same moment, many times over:
/// exactly one wins each time, and every other coach is told who took it. Run on both storages.
/// </summary>
public class AcceptRaceTests
{
    private static readonly string[] Coaches = ["c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8"];

    [Fact]
    public Task Exactly_one_coach_wins_on_in_memory_storage() => RaceAsync(new InMemoryStorage(), rounds: 25);

    [Fact]
    public async Task Exactly_one_coach_wins_on_sqlite_storage()
    {
        var folder = Path.Combine(Path.GetTempPath(), "chatbot-tests", Guid.NewGuid().ToString("N"));
        await RaceAsync(new SqliteStorage(Path.Combine(folder, "race.db")), rounds: 15);
    }

    public static async Task RaceAsync(IStorage storage, int rounds)
    {
        // Four instances of the bot on one storage; each coach talks to one of them.
        await using var first = new HandoffHarness(storage, salesCoaches: Coaches);
        var instances = new List<HandoffHarness> { first };
        for (var i = 1; i < 4; i++)
        {
            instances.Add(first.OtherInstance(salesCoaches: Coaches));
        }
        HandoffHarness InstanceOf(string coach) => instances[Array.IndexOf(Coaches, coach) % instances.Count];
        foreach (var coach in Coaches)
        {
            await InstanceOf(coach).CoachHello(coach);
        }

        try
        {
            for (var round = 1; round <= rounds; round++)
            {
                var visitor = $"race-{round}";
                await instances[round % instances.Count].VisitorSays(visitor, "talk to sales");
                var ticket = (await first.Record(visitor))!.Ticket;
                var before = Coaches.ToDictionary(c => c, c => first.CoachSaw(c).Count);

                // All coaches at once; "accept next" and "accept <n>" mixed.
                using var start = new ManualResetEventSlim(false);
                var accepts = Coaches.Select((coach, i) => Task.Run(async () =>
                {
                    start.Wait();
                    await InstanceOf(coach).CoachSays(coach, i % 2 == 0 ? $"accept {ticket}" : "accept next");
                })).ToList();
                start.Set();
                await Task.WhenAll(accepts);

                var record = await first.Record(visitor);
                Assert.Equal(HandoffState.Connected, record!.State);
                var winners = Coaches.Where(c => first.CoachSaw(c).Skip(before[c]).Any(t => t.StartsWith("You're connected to"))).ToList();
                var winner = Assert.Single(winners);
                Assert.Equal(winner, record.CoachId);
                foreach (var loser in Coaches.Where(c => c != winner))
                {
                    var told = first.CoachSaw(loser).Skip(before[loser]).ToList();
                    Assert.Contains(told, t => t.EndsWith($"Request #{ticket} was already taken by {record.CoachName}."));
                }
                Assert.Equal(1, first.Events.Named(OutcomeEventNames.HandoffAccepted).Count(e => e.ConversationId == visitor));
                var coachRecords = await Task.WhenAll(Coaches.Select(c => first.Store.GetAsync<CoachRecord>(HandoffStore.CoachKey(c))));
                Assert.Single(coachRecords, c => c!.ActiveTicket == ticket);

                await InstanceOf(winner).CoachSays(winner, "end resolved");
            }
        }
        finally
        {
            foreach (var instance in instances.Skip(1))
            {
                await instance.DisposeAsync();
            }
        }
    }
}
