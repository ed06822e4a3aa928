using System.Text.Json.Serialization;

namespace ManageIQ.OpenScap.Kubernetes.Scanning;

/// <summary>The <c>OpenSCAP</c> part of the inspector's metadata.</summary>
public sealed record InspectorOpenScapStatus
{
    public const string Success = "Success";
    public const string Error = "Error";

    /// <summary><c>NotRequested</c>, <c>Running</c>, <c>Success</c> or <c>Error</c>.</summary>
    [JsonPropertyName("Status")]
    public string? Status { get; init; }

    [JsonPropertyName("ErrorMessage")]
    public string? ErrorMessage { get; init; }

    [JsonPropertyName("ContentTimeStamp")]
    public string? ContentTimeStamp { get; init; }
}
