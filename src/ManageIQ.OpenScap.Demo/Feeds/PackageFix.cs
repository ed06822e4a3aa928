using ManageIQ.OpenScap.Demo.Debian;

namespace ManageIQ.OpenScap.Demo.Feeds;

/// <summary>A binary package and the version that fixes a CVE in it: installed versions earlier than that are vulnerable.</summary>
public sealed record PackageFix(string Binary, DebianVersion Fixed);
