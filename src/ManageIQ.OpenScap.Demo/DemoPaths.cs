namespace ManageIQ.OpenScap.Demo;

/// <summary>The demo's work directory: what each run builds or keeps, and where.</summary>
public sealed record DemoPaths(string Root)
{
    /// <summary>Where the demo works unless told otherwise: kept across runs, so a second run reuses the first's work.</summary>
    public const string DefaultRoot = "/var/tmp/manageiq-openscap-demo";

    /// <summary>One directory per image: its OCI layout and its package list.</summary>
    public string Images => Path.Combine(Root, "images");

    /// <summary>The loopback registry's storage.</summary>
    public string Registry => Path.Combine(Root, "registry-store");

    /// <summary>The sample CVE feed, its manifest, and the private apt state it was built with.</summary>
    public string Feed => Path.Combine(Root, "feed");

    /// <summary>The scanner's CVE feed cache.</summary>
    public string FeedCache => Path.Combine(Root, "feed-cache");

    /// <summary>The bridge's store (<c>Bridge:StateDirectory</c>): results, queue, outbox, and the full ARFs.</summary>
    public string State => Path.Combine(Root, "state");

    /// <summary>The in-process service's log.</summary>
    public string Log => Path.Combine(Root, "bridge.log");

    /// <summary>The times of earlier runs.</summary>
    public string Runs => Path.Combine(Root, "runs.json");

    /// <summary>Everything a run keeps, for <c>--reset</c>.</summary>
    public IReadOnlyList<string> Kept => [Images, Registry, Feed, FeedCache, State, Log, Runs];
}
