namespace ManageIQ.OpenScap.Testing;

/// <summary>How a <see cref="SyntheticCveFeed"/> spreads its definitions over package names.</summary>
/// <param name="InstalledEvery">Every this many definitions one names an installed package (5: 20 %).</param>
/// <param name="FakeNamesPerInstalled">Not-installed names per installed one; 0 for the fixed 2 000 of the worst case.</param>
public sealed record SyntheticFeedShape(int InstalledEvery, int FakeNamesPerInstalled)
{
    /// <summary>The worst case: a fifth of the definitions on installed packages, 2 000 other names.</summary>
    public static SyntheticFeedShape WorstCase { get; } = new(5, 0);

    /// <summary>
    /// Debian's archive in proportion: definitions spread evenly over the names a feed names, of which the image's
    /// packages are 3 % (one in 33, within the 2-5 % the issue gives), so 3 % of the definitions name them.
    /// </summary>
    public static SyntheticFeedShape DebianArchive { get; } = new(33, 32);

    public int FakePackages(int installed) => FakeNamesPerInstalled == 0 ? 2000 : installed * FakeNamesPerInstalled;
}
