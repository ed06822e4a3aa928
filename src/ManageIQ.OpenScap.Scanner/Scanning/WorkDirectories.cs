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
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover temporary directory must not turn a finished scan into a failure.
        }
    }
}
