using ManageIQ.OpenScap.Images;

namespace ManageIQ.OpenScap.Scanner.Scanning;

/// <summary>A progress report of a scan.</summary>
/// <param name="Stage">The stage.</param>
/// <param name="Message">A line for people.</param>
/// <param name="Acquisition">The image acquisition's own report, while pulling and unpacking.</param>
public sealed record ScanProgress(ScanStage Stage, string Message, AcquisitionProgress? Acquisition = null);
