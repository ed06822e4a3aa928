using System.Text.Json.Serialization;

namespace ManageIQ.OpenScap.Scap;

/// <summary>Which kind of OpenSCAP result document was summarised.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ScapResultKind>))]
public enum ScapResultKind
{
    /// <summary>An ARF 1.1 report collection (<c>oscap xccdf eval --results-arf</c>).</summary>
    [JsonStringEnumMemberName("arf")]
    Arf,

    /// <summary>An XCCDF 1.2 (or 1.1) result document (<c>oscap xccdf eval --results</c>).</summary>
    [JsonStringEnumMemberName("xccdf")]
    Xccdf,

    /// <summary>An OVAL 5 results document (<c>oscap oval eval --results</c>).</summary>
    [JsonStringEnumMemberName("oval")]
    Oval,
}
