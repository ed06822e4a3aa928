using ManageIQ.OpenScap.Publishing;
using ManageIQ.OpenScap.Scap;

namespace ManageIQ.OpenScap.Compliance.Evaluation;

/// <summary>What a <see cref="ComplianceSeverityFloor"/> lets count, and how reasons name it.</summary>
public static class SeverityFloors
{
    public static bool Counts(this ComplianceSeverityFloor floor, ScapSeverity severity) => floor switch
    {
        ComplianceSeverityFloor.Any => true,
        ComplianceSeverityFloor.Info => severity >= ScapSeverity.Info,
        ComplianceSeverityFloor.Low => severity >= ScapSeverity.Low,
        ComplianceSeverityFloor.Medium => severity >= ScapSeverity.Medium,
        _ => severity >= ScapSeverity.High,
    };

    /// <summary>The failed results of <paramref name="counts"/> that <paramref name="floor"/> lets count.</summary>
    public static int Count(this ComplianceSeverityFloor floor, ScapSeverityCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return Enum.GetValues<ScapSeverity>().Where(s => floor.Counts(s)).Sum(s => counts[s]);
    }

    /// <summary>For example <c>of high severity</c>, <c>of medium severity or above</c>, <c>of any severity</c>.</summary>
    public static string Describe(this ComplianceSeverityFloor floor) => floor switch
    {
        ComplianceSeverityFloor.Any => "of any severity",
        ComplianceSeverityFloor.High => "of high severity",
        _ => $"of {floor.ToString().ToLowerInvariant()} severity or above",
    };
}
