namespace ManageIQ.OpenScap.Kubernetes.FakeApi;

/// <summary>How long the fake kubelet takes for each step of a pod's life.</summary>
public sealed record FakeTimings
{
    public TimeSpan Schedule { get; init; } = TimeSpan.FromMilliseconds(20);

    public TimeSpan Start { get; init; } = TimeSpan.FromMilliseconds(30);

    public TimeSpan Ready { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>How often an open watch that asked for bookmarks gets one.</summary>
    public TimeSpan BookmarkInterval { get; init; } = TimeSpan.FromMilliseconds(500);
}
