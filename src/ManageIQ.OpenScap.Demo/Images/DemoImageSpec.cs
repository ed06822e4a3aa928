using System.Security.Cryptography;
using System.Text;

namespace ManageIQ.OpenScap.Demo.Images;

/// <summary>One image the demo builds: its name in the registry, what it is, and how its Debian root is made.</summary>
/// <param name="Repository">The repository, e.g. <c>demo/debian</c>.</param>
/// <param name="Tag">The tag.</param>
/// <param name="Title">What it is, for people.</param>
/// <param name="Suites">The apt suites its packages come from, the first being the release (<c>bookworm</c>).</param>
public sealed record DemoImageSpec(string Repository, string Tag, string Title, IReadOnlyList<string> Suites)
{
    /// <summary>Packages installed on top of minbase.</summary>
    public IReadOnlyList<string> Include { get; init; } = [];

    public string Reference => Repository + ":" + Tag;

    /// <summary>A directory name for its files: <c>demo_debian-12</c>.</summary>
    public string DirectoryName => Repository.Replace('/', '_') + "-" + Tag;

    /// <summary>Changes when anything that shapes the image changes, so a kept build of another shape is rebuilt.</summary>
    public string Key => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', [Repository, Tag, .. Suites, "+", .. Include]))));
}
