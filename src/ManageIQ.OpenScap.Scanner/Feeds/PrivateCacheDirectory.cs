namespace ManageIQ.OpenScap.Scanner.Feeds;

/// <summary>
/// The feed cache's directory. A feed found there decides which CVEs a scan reports, so the directory is
/// created 0700 and used only while it is a real directory owned by this process's user that neither its
/// group nor others can write to; files in it are trusted only when they are this user's regular files.
/// </summary>
internal static class PrivateCacheDirectory
{
    private const string Key = CveFeedOptions.SectionName + ":" + nameof(CveFeedOptions.CacheDirectory);
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Creates the directory when missing and checks it; returns its full path.</summary>
    /// <exception cref="CveFeedException">It is a link, not a directory, another user's, or writable by others.</exception>
    public static string Ensure(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The CVE feed cache checks Unix owners and modes and needs Linux.");
        }

        var full = Path.GetFullPath(path);
        try
        {
            Directory.CreateDirectory(full, OwnerOnly);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CveFeedException($"The CVE feed cache directory {full} cannot be created: {e.Message}", e);
        }

        var status = FeedNativeMethods.LStat(full, out var errno)
            ?? throw new CveFeedException($"The CVE feed cache directory {full} cannot be examined (errno {errno}).");
        var problem = status.IsSymbolicLink ? "is a symbolic link"
            : !status.IsDirectory ? "is not a directory"
            : status.Uid != FeedNativeMethods.GetEffectiveUserId() ? $"is owned by uid {status.Uid}, not by this process's user (uid {FeedNativeMethods.GetEffectiveUserId()})"
            : status.IsWritableByOthers ? $"is writable by its group or by others (mode {status.Permissions})"
            : null;
        return problem is null ? full
            : throw new CveFeedException(
                $"The CVE feed cache directory {full} {problem}, so a feed in it could have been planted to hide CVEs; it is not used. " +
                $"Remove it, or set {Key} to a directory of this user's own.");
    }

    /// <summary>True when <paramref name="path"/> is a regular file (not a link) owned by this process's user.</summary>
    public static bool IsOwnFile(string path) =>
        FeedNativeMethods.LStat(path, out _) is { IsRegularFile: true } status && status.Uid == FeedNativeMethods.GetEffectiveUserId();
}
