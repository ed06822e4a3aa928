using System.Net;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Faults;

/// <summary>
/// A fault applied to the next <see cref="Times"/> requests whose method matches (null = any) and whose
/// path starts with <see cref="PathPrefix"/> (e.g. <c>/api/container_images</c>; null = any).
/// </summary>
public sealed record FaultRule(FaultKind Kind, string? Method = null, string? PathPrefix = null, int Times = 1)
{
    public HttpStatusCode Status { get; init; } = HttpStatusCode.ServiceUnavailable;

    /// <summary>How long <see cref="FaultKind.Delay"/> waits before handling, or <see cref="FaultKind.DelayAfterHandling"/> before answering.</summary>
    public TimeSpan Delay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The name the request log gives a request this rule hit.</summary>
    public string Label => Kind switch
    {
        FaultKind.Status => "status",
        FaultKind.Delay => "delay",
        FaultKind.DropConnection => "drop-before",
        FaultKind.DropAfterHandling => "drop-after",
        FaultKind.ExpireTokens => "expire-tokens",
        FaultKind.DelayAfterHandling => "delay-after",
        _ => Kind.ToString(),
    };

    /// <summary>Text the raw query string must contain, e.g. <c>offset=1000</c> for one page of a listing (null = any).</summary>
    public string? QueryContains { get; init; }

    public bool Matches(string method, string path) =>
        (Method is null || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
        && (PathPrefix is null || path.StartsWith(PathPrefix, StringComparison.Ordinal));

    public bool Matches(string method, string path, string query) =>
        Matches(method, path) && (QueryContains is null || query.Contains(QueryContains, StringComparison.Ordinal));
}
