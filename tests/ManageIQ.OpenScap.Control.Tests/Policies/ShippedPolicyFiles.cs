using ManageIQ.OpenScap.Control.Source;
using ManageIQ.OpenScap.Testing;

namespace ManageIQ.OpenScap.Control.Tests.Policies;

/// <summary>The repository's <c>policies/</c> directory and its files.</summary>
internal static class ShippedPolicyFiles
{
    public static string Directory { get; } = RepositoryRoot.Combine("policies");

    public const string BridgeProfile = "openscap profile (bridge)";

    public const string StrictProfile = "openscap profile strict (bridge)";

    public static IEnumerable<string> Files() => System.IO.Directory.GetFiles(Directory, "*.yaml").Order(StringComparer.Ordinal);

    public static IReadOnlyList<PolicyProfileSource> Load() => PolicyDirectory.Load(Directory);

    /// <summary>A copy of the directory to change in a test.</summary>
    public static TempDirectory Copy()
    {
        var copy = new TempDirectory();
        foreach (var file in Files())
        {
            File.Copy(file, copy.Combine(Path.GetFileName(file)));
        }

        return copy;
    }
}
