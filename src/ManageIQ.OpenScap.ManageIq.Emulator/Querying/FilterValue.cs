using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Querying;

/// <summary>A filter's right-hand side: a string (maybe quoted, maybe a wildcard), NULL, or an array.</summary>
internal sealed record FilterValue(string? Text, bool Quoted, IReadOnlyList<string>? Items)
{
    public bool IsNull => Text is null && Items is null;

    public static JToken? Of(JObject row, string key) => row.TryGetValue(key, out var v) ? v : null;
}
