using System.Net;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Faults;

/// <summary>
/// A fault applied to the next <see cref="Times"/> requests whose method matches (null = any) and whose
/// path starts with <see cref="PathPrefix"/> (e.g. <c>/api/container_images</c>; null = any).
/// </summary>
public sealed record FaultRule(FaultKind Kind, string? Method = null, string? PathPrefix = null, int Times = 1)
{
    public HttpStatusCode Status { get; init; } = HttpStatusCode.ServiceUnavailable;

    public TimeSpan Delay { get; init; } = TimeSpan.FromSeconds(5);

    public bool Matches(string method, string path) =>
        (Method is null || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
        && (PathPrefix is null || path.StartsWith(PathPrefix, StringComparison.Ordinal));
}
