namespace ManageIQ.OpenScap.Contracts.Scanning;

/// <summary>
/// Where a scan's time went, one set of names for every backend. Pull and unpack overlap (layers download while
/// earlier ones unpack); summary and HTML report overlap.
/// </summary>
public sealed record ScanTimings
{
    /// <summary>Creating the scanning pod until it was ready (zero for the local backend).</summary>
    public TimeSpan Pod { get; init; }

    /// <summary>Registry ping, authentication, manifest and configuration.</summary>
    public TimeSpan Resolve { get; init; }

    public TimeSpan Pull { get; init; }

    public TimeSpan Unpack { get; init; }

    /// <summary>The whole acquisition, wall time.</summary>
    public TimeSpan Acquire { get; init; }

    /// <summary>Content choice, data stream inspection, CVE feed fetch and tailoring.</summary>
    public TimeSpan Content { get; init; }

    /// <summary>oscap's evaluation(s).</summary>
    public TimeSpan Oscap { get; init; }

    /// <summary>The HTML report.</summary>
    public TimeSpan Report { get; init; }

    /// <summary>Reading the ARF into the summary.</summary>
    public TimeSpan Summary { get; init; }

    /// <summary>From the scan's start until the ARF and the summary were written (the HTML report may still be rendering).</summary>
    public TimeSpan Ready { get; init; }

    /// <summary>Fetching the results from the scanning pod (zero for the local backend).</summary>
    public TimeSpan Collect { get; init; }

    public TimeSpan Total { get; init; }
}
