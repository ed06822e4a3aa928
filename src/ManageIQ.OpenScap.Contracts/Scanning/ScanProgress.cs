namespace ManageIQ.OpenScap.Contracts.Scanning;

/// <summary>A progress event of a scan. <see cref="ScanProgressText.Format"/> turns it into the one line people see.</summary>
/// <param name="Stage">The stage.</param>
/// <param name="Subject">What the stage works on: the image, the data stream and profile, the pod; null for none.</param>
/// <param name="Layer">The layer, while pulling and unpacking.</param>
/// <param name="Error">Why the scan ended, on a <see cref="ScanStage.Finished"/> event of a failed scan.</param>
public sealed record ScanProgress(ScanStage Stage, string? Subject = null, LayerProgress? Layer = null, string? Error = null)
{
    /// <summary>The line for people.</summary>
    public string Message => ScanProgressText.Format(this);
}
