using System.Text.Json;

namespace ManageIQ.OpenScap.Demo;

/// <summary>The runs the work directory has seen (<c>runs.json</c>), so a run that reused the work can say how much faster it was.</summary>
public static class DemoRunHistory
{
    private const int Kept = 50;

    public static IReadOnlyList<DemoRunRecord> Read(string path)
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize(File.ReadAllText(path), DemoRunJsonContext.Default.ListDemoRunRecord) ?? [] : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    public static void Append(string path, DemoRunRecord run)
    {
        var runs = Read(path).TakeLast(Kept - 1).Append(run).ToList();
        File.WriteAllText(path, JsonSerializer.Serialize(runs, DemoRunJsonContext.Default.ListDemoRunRecord));
    }

    /// <summary>The time of the last earlier run that scanned every image, if any.</summary>
    public static TimeSpan? LastFullRun(IReadOnlyList<DemoRunRecord> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        return runs.LastOrDefault(r => r.Scanned > 0 && r.Scanned == r.Images) is { } full ? TimeSpan.FromSeconds(full.Seconds) : null;
    }
}

