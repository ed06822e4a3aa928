namespace ManageIQ.OpenScap.State.Queue;

/// <summary>Which scan runs first: lower values first, then the order they were queued in.</summary>
public enum ScanPriority
{
    /// <summary>Asked for by a person or an automate method.</summary>
    Requested = 0,

    /// <summary>An image discovery had not seen before.</summary>
    NewImage = 1,

    /// <summary>The provider's scheduled full scan.</summary>
    FullScan = 2,
}
