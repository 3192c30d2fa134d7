using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatBot.Handoff.Events;

/// <summary>The one JSON form of an event, shared by every event log and the CSV/JSON exports.</summary>
public static class OutcomeEventJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(OutcomeEvent outcome) => JsonSerializer.Serialize(outcome, Options);

    public static OutcomeEvent Deserialize(string json) =>
        JsonSerializer.Deserialize<OutcomeEvent>(json, Options) ?? throw new JsonException("Empty event.");
}
