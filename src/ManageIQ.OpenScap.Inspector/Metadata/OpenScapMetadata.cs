namespace ManageIQ.OpenScap.Inspector.Metadata;

/// <summary>The <c>OpenSCAP</c> object of the metadata, as image-inspector names it.</summary>
public sealed record OpenScapMetadata
{
    public string Status { get; init; } = OpenScapStatus.Running;

    public string ErrorMessage { get; init; } = string.Empty;

    /// <summary>RFC 850 time, as image-inspector writes it: the CVE feed's time, else the data stream's.</summary>
    public string ContentTimeStamp { get; init; } = string.Empty;
}
