using System.Text.Json.Serialization;

namespace ManageIQ.OpenScap.Contracts.Inspector;

/// <summary><c>/api</c>: <c>{"versions":["v1"]}</c>.</summary>
public sealed record ApiVersions([property: JsonPropertyName("versions")] IReadOnlyList<string> Versions)
{
    public static ApiVersions V1 { get; } = new(["v1"]);
}
