using System.Text.RegularExpressions;
using ManageIQ.OpenScap.ManageIq.Models;
using ManageIQ.OpenScap.Service.Configuration;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Service.Discovery;

/// <summary><c>Bridge:Exclusions:ImageNames</c> as matchers of an image's name and of <c>registry/name</c>.</summary>
public sealed class ImageExclusions
{
    private readonly (string Pattern, Regex Matcher)[] _patterns;

    public ImageExclusions(IOptions<ServiceOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _patterns = [.. options.Value.Exclusions.ImageNames.Select(p => (p, Compile(p)))];
    }

    /// <summary>The pattern that excludes the image; null when none does.</summary>
    public string? ExcludedBy(ContainerImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var withRegistry = image.ContainerImageRegistry?.FullName is { Length: > 0 } registry ? registry + "/" + image.Name : image.Name;
        return _patterns.FirstOrDefault(p => p.Matcher.IsMatch(image.Name) || p.Matcher.IsMatch(withRegistry)).Pattern;
    }

    private static Regex Compile(string pattern) =>
        new("^" + Regex.Escape(pattern).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$",
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.NonBacktracking, TimeSpan.FromMilliseconds(100));
}
