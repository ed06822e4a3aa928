namespace ManageIQ.OpenScap.Scanner.Scanning;

/// <summary>Where a scan is.</summary>
public enum ScanStage
{
    Queued,
    Resolving,
    Pulling,
    Unpacking,
    PreparingContent,
    Scanning,
    Reporting,
    Finished,
}
