using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace ChatBot.Tests.Deployment;

/// <summary>Writes a .bicepparam file (the input of `bicep snapshot`) from JSON parameter values.</summary>
public static class BicepParamFile
{
    public static string Create(string templatePath, IEnumerable<KeyValuePair<string, JsonNode?>> parameters)
    {
        var text = new StringBuilder().Append("using ").Append(Quote(templatePath)).Append("\n\n");
        foreach (var (name, value) in parameters)
        {
            text.Append("param ").Append(name).Append(" = ").Append(Literal(value, 0)).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>The "parameters" of a deployment parameters file (main.parameters.example.json), by name.</summary>
    public static Dictionary<string, JsonNode?> ReadParametersJson(string path)
    {
        var root = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        return root["parameters"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!["value"]?.DeepClone());
    }

    private static string Literal(JsonNode? node, int indent) => node switch
    {
        null => "null",
        JsonObject obj => Block('{', '}', obj.Select(p => $"{PropertyName(p.Key)}: {Literal(p.Value, indent + 1)}"), indent),
        JsonArray array => Block('[', ']', array.Select(item => Literal(item, indent + 1)), indent),
        JsonValue value when value.TryGetValue<string>(out var s) => Quote(s),
        JsonValue value when value.TryGetValue<bool>(out var b) => b ? "true" : "false",
        JsonValue value => Convert.ToString(value.GetValue<decimal>(), CultureInfo.InvariantCulture)!,
    };

    private static string Block(char open, char close, IEnumerable<string> items, int indent)
    {
        var pad = new string(' ', 2 * (indent + 1));
        var lines = items.Select(item => pad + item).ToList();
        return lines.Count == 0 ? $"{open}{close}" : $"{open}\n{string.Join('\n', lines)}\n{new string(' ', 2 * indent)}{close}";
    }

    private static string PropertyName(string name) =>
        name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') && !char.IsAsciiDigit(name[0]) ? name : Quote(name);

    private static string Quote(string s) =>
        "'" + s.Replace("\\", "\\\\").Replace("'", "\\'").Replace("${", "\\${").Replace("\n", "\\n").Replace("\r", "\\r") + "'";
}
