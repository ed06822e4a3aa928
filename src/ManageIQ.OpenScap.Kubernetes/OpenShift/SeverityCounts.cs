using ManageIQ.OpenScap.Scap;

namespace ManageIQ.OpenScap.Kubernetes.OpenShift;

/// <summary>Failed rules per severity, ManageIQ's four buckets (Critical = 3 … Low = 0).</summary>
public sealed record SeverityCounts(int Critical, int Important, int Medium, int Low)
{
    /// <summary>
    /// ManageIQ's mapping (manageiq-providers-openshift <c>openscap_summary</c>): High → Critical,
    /// Medium → Important, Low → Medium, Info and Unknown → Low.
    /// </summary>
    public static SeverityCounts From(ScapSeverityCounts failed)
    {
        ArgumentNullException.ThrowIfNull(failed);
        return new SeverityCounts(failed.High, failed.Medium, failed.Low, failed.Info + failed.Unknown);
    }
}
