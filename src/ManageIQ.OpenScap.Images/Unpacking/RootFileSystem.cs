using System.Runtime.Versioning;

namespace ManageIQ.OpenScap.Images.Unpacking;

/// <summary>Removes an unpacked tree, even one whose directories were unpacked without write permission.</summary>
[UnsupportedOSPlatform("windows")]
public static class RootFileSystem
{
    /// <summary>Deletes <paramref name="path"/> and everything below it; symbolic links are removed, never followed.</summary>
    public static void Delete(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!Directory.Exists(path))
        {
            return;
        }

        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            MakeWritable(new DirectoryInfo(path));
            Directory.Delete(path, recursive: true);
        }
    }

    private static void MakeWritable(DirectoryInfo directory)
    {
        if (directory.LinkTarget is not null)
        {
            return;
        }

        directory.UnixFileMode |= UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        foreach (var child in directory.EnumerateDirectories())
        {
            MakeWritable(child);
        }
    }
}
