namespace ManageIQ.OpenScap.Contracts.Scanning;

/// <summary>
/// The proxies one scan's pulls and feed downloads go through, when they differ from the backend's own (a ManageIQ
/// provider's <c>image_inspector_options</c>). A value may hold credentials (<c>http://user:pass@proxy:3128</c>),
/// so it is never logged or put on a command line.
/// </summary>
public sealed record ScanProxy(string? HttpProxy, string? HttpsProxy, string? NoProxy)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(HttpProxy) && string.IsNullOrWhiteSpace(HttpsProxy) && string.IsNullOrWhiteSpace(NoProxy);

    /// <summary>Describes which proxies are set, without their values.</summary>
    public override string ToString() =>
        $"ScanProxy {{ HttpProxy = {(string.IsNullOrWhiteSpace(HttpProxy) ? "unset" : "set")}, HttpsProxy = {(string.IsNullOrWhiteSpace(HttpsProxy) ? "unset" : "set")}, NoProxy = {NoProxy} }}";
}
