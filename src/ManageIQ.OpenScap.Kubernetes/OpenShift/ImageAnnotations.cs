using System.Text.Json;
using System.Text.Json.Nodes;

namespace ManageIQ.OpenScap.Kubernetes.OpenShift;

/// <summary>The annotations ManageIQ's <c>annotate_scan_policy_results</c> writes, byte for byte in their JSON shape.</summary>
public static class ImageAnnotations
{
    public const string SuccessfulPolicy = "security.manageiq.org/successful-policy";
    public const string FailedPolicy = "security.manageiq.org/failed-policy";
    public const string DenyExecution = "images.openshift.io/deny-execution";
    public const string OpenScapQuality = "quality.images.openshift.io/vulnerability.openscap";

    /// <summary>Kubernetes' limit on all annotations of one object together (keys and values).</summary>
    public const int TotalSizeLimit = 256 * 1024;

    /// <summary>
    /// A JSON merge patch: sets the decision's policy key and removes the other one (null), so an image that went
    /// from failing to passing does not keep a stale <c>failed-policy</c>.
    /// </summary>
    public static JsonObject MergePatch(ImageAnnotationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var annotations = new JsonObject
        {
            [request.Compliant ? SuccessfulPolicy : FailedPolicy] = request.PolicyName,
            [request.Compliant ? FailedPolicy : SuccessfulPolicy] = null,
            [DenyExecution] = request.Compliant ? "false" : "true",
            [OpenScapQuality] = QualityJson(request),
        };
        return new JsonObject { ["metadata"] = new JsonObject { ["annotations"] = annotations } };
    }

    /// <summary>The <c>quality.images.openshift.io/vulnerability.openscap</c> value (manageiq-api-and-scanning §4.1).</summary>
    public static string QualityJson(ImageAnnotationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var counts = request.FailedRules;
        var quality = new JsonObject
        {
            ["name"] = "ManageIQ",
            ["timestamp"] = request.Timestamp.ToUnixTimeSeconds(),
            ["description"] = "OpenSCAP Score",
            ["reference"] = "",
            ["compliant"] = request.Compliant,
            ["summary"] = new JsonArray(
                Bucket("Critical", 3, counts.Critical),
                Bucket("Important", 2, counts.Important),
                Bucket("Medium", 1, counts.Medium),
                Bucket("Low", 0, counts.Low)),
        };
        return quality.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }

    private static JsonObject Bucket(string label, int severityIndex, int data) =>
        new() { ["label"] = label, ["severityIndex"] = severityIndex, ["data"] = data };
}
