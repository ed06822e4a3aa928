namespace ManageIQ.OpenScap.Demo.Feeds;

/// <summary>An image the feed is built for: its name and the copy of its <c>var/lib/dpkg/status</c>.</summary>
public sealed record FeedImage(string Name, string DpkgStatusPath);
