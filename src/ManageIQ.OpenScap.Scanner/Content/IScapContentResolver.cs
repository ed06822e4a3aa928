using ManageIQ.OpenScap.Images;

namespace ManageIQ.OpenScap.Scanner.Content;

/// <summary>Maps a distribution to the SCAP data stream, profile and CVE feed that evaluate it.</summary>
public interface IScapContentResolver
{
    /// <param name="osRelease">The image's os-release, or null when it has none.</param>
    /// <param name="contentOverride">Command-line overrides.</param>
    ScapContentResolution Resolve(OsRelease? osRelease, ScapContentOverride contentOverride);
}
