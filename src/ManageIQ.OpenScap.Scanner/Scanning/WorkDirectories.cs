using ManageIQ.OpenScap.Images.Unpacking;

namespace ManageIQ.OpenScap.Scanner.Scanning;

/// <summary>Removes a scan's temporary work directory.</summary>
public static class WorkDirectories
{
    public static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                // The unpacked tree may hold read-only directories: the root filesystem's deleter restores their modes first.
                RootFileSystem.Delete(directory);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover temporary directory must not turn a finished scan into a failure.
        }
    }
}
