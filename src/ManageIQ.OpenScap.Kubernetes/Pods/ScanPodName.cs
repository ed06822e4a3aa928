using System.Security.Cryptography;
using System.Text;

namespace ManageIQ.OpenScap.Kubernetes.Pods;

/// <summary>
/// Pod names <c>manageiq-img-scan-&lt;short id&gt;</c>. ManageIQ used 5 characters of the job guid, which collides
/// by the thousands; 12 hex characters of a hash of job id and attempt keep names unique and valid DNS-1123 labels.
/// </summary>
public static class ScanPodName
{
    public const int ShortIdLength = 12;

    public static string For(string jobId, string attemptId)
    {
        ArgumentException.ThrowIfNullOrEmpty(jobId);
        ArgumentException.ThrowIfNullOrEmpty(attemptId);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{jobId}\n{attemptId}"));
        return ScanPodMetadata.NamePrefix + Convert.ToHexStringLower(hash)[..ShortIdLength];
    }
}
