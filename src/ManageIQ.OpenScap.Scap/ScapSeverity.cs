using System.Text.Json.Serialization;

namespace ManageIQ.OpenScap.Scap;

/// <summary>XCCDF severity (<c>severityEnumType</c>), ordered from least to most severe.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ScapSeverity>))]
public enum ScapSeverity
{
    /// <summary>Missing or unrecognised severity.</summary>
    [JsonStringEnumMemberName("unknown")]
    Unknown,

    [JsonStringEnumMemberName("info")]
    Info,

    [JsonStringEnumMemberName("low")]
    Low,

    [JsonStringEnumMemberName("medium")]
    Medium,

    [JsonStringEnumMemberName("high")]
    High,
}
