namespace ManageIQ.OpenScap.Contracts.Inspector;

/// <summary>The <c>OpenSCAP</c> object of the metadata, as image-inspector names it.</summary>
public sealed record OpenScapMetadata
{
    /// <summary>One of <see cref="OpenScapStatus"/>.</summary>
    public string Status { get; init; } = OpenScapStatus.Running;

    public string ErrorMessage { get; init; } = string.Empty;

    /// <summary>RFC 850 time, as image-inspector writes it: the CVE feed's date, else the scan's.</summary>
    public string ContentTimeStamp { get; init; } = string.Empty;
}
