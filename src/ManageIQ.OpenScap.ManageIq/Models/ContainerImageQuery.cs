namespace ManageIQ.OpenScap.ManageIq.Models;

/// <summary>Which container images to list. By default every live image (<c>deleted_on=NULL</c>) of every provider.</summary>
public sealed record ContainerImageQuery
{
    /// <summary>Only this provider's images (<c>filter[]=ems_id=N</c>).</summary>
    public long? ProviderId { get; init; }

    /// <summary>Also list archived images (those with <c>deleted_on</c> set).</summary>
    public bool IncludeArchived { get; init; }

    /// <summary>More <c>filter[]</c> expressions, ANDed (e.g. <c>last_scan_attempt_on&lt;2026-01-01T00:00:00Z</c>).</summary>
    public IReadOnlyList<string> Filters { get; init; } = [];

    /// <summary><c>sort_by</c>; the id by default, so pages are stable.</summary>
    public string SortBy { get; init; } = "id";

    public bool Descending { get; init; }
}
