using System.Text.RegularExpressions;

namespace ManageIQ.OpenScap.Compliance.Waivers;

/// <summary>
/// A waiver's image name pattern: <c>*</c> matches any run of characters, <c>?</c> one character, the rest is
/// literal; the whole name must match (case-sensitive, as registries name images).
/// </summary>
public sealed class ImageNamePattern
{
    private static readonly TimeSpan s_matchTimeout = TimeSpan.FromMilliseconds(100);
    private readonly Regex _regex;

    public ImageNamePattern(string pattern)
    {
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        Text = pattern;
        var body = Regex.Escape(pattern).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal);
        _regex = new Regex("^" + body + "$", RegexOptions.CultureInvariant | RegexOptions.Singleline, s_matchTimeout);
    }

    public string Text { get; }

    public bool IsMatch(string imageName) => _regex.IsMatch(imageName);

    public override string ToString() => Text;
}
