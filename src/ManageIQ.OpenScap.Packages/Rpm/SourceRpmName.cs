namespace ManageIQ.OpenScap.Packages.Rpm;

/// <summary>The name and version-release of a <c>%{SOURCERPM}</c> file name: <c>name-version-release.src.rpm</c>.</summary>
public static class SourceRpmName
{
    /// <summary>Null when <paramref name="sourceRpm"/> is empty or not of that shape (gpg-pubkey has none).</summary>
    public static (string Name, string VersionRelease)? Parse(string? sourceRpm)
    {
        if (string.IsNullOrEmpty(sourceRpm))
        {
            return null;
        }

        var stem = sourceRpm.EndsWith(".src.rpm", StringComparison.Ordinal) ? sourceRpm[..^".src.rpm".Length]
            : sourceRpm.EndsWith(".nosrc.rpm", StringComparison.Ordinal) ? sourceRpm[..^".nosrc.rpm".Length]
            : null;
        var releaseDash = stem?.LastIndexOf('-') ?? -1;
        var versionDash = releaseDash > 0 ? stem!.LastIndexOf('-', releaseDash - 1) : -1;
        return versionDash > 0 ? (stem![..versionDash], stem[(versionDash + 1)..]) : null;
    }
}
