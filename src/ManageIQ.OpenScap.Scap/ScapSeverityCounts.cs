using System.Text.Json.Serialization;

namespace ManageIQ.OpenScap.Scap;

/// <summary>Failed results per severity; every key is always present, zeros included.</summary>
public sealed record ScapSeverityCounts(int High, int Medium, int Low, int Info, int Unknown)
{
    public static ScapSeverityCounts Zero { get; } = new(0, 0, 0, 0, 0);

    [JsonIgnore]
    public int Total => High + Medium + Low + Info + Unknown;

    public int this[ScapSeverity severity] => severity switch
    {
        ScapSeverity.High => High,
        ScapSeverity.Medium => Medium,
        ScapSeverity.Low => Low,
        ScapSeverity.Info => Info,
        _ => Unknown,
    };
}
