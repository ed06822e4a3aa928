namespace ManageIQ.OpenScap.Scanner.Oscap;

/// <summary>
/// Debian's librpm sets <c>%_dbpath</c> to <c>~/.rpmdb</c> (<c>/usr/lib/rpm/macros</c>), expanded by a shell inside
/// the image after the probe's chroot(): the rpminfo probe then finds no database in a RHEL root and reports every
/// package absent. librpm reads <c>~/.rpmmacros</c> before the chroot, so oscap gets a HOME of its own whose
/// <c>.rpmmacros</c> names the image's database directory.
/// </summary>
public static class RpmMacrosWorkaround
{
    /// <summary>Writes <c>rpm-home/.rpmmacros</c> under <paramref name="directory"/> and returns the HOME to give oscap.</summary>
    /// <param name="directory">The scan's private work directory.</param>
    /// <param name="databaseDirectory">The database directory as the image names it, absolute (<c>/var/lib/rpm</c>).</param>
    public static string Write(string directory, string databaseDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentException.ThrowIfNullOrEmpty(databaseDirectory);
        if (!databaseDirectory.StartsWith('/') || databaseDirectory.Any(c => char.IsWhiteSpace(c) || c == '%'))
        {
            throw new ArgumentException($"'{databaseDirectory}' is not an absolute path without white space or %.", nameof(databaseDirectory));
        }

        var home = Path.Combine(Path.GetFullPath(directory), "rpm-home");
        Directory.CreateDirectory(home);
        File.WriteAllText(Path.Combine(home, ".rpmmacros"), $"%_dbpath {databaseDirectory}\n");
        return home;
    }
}
