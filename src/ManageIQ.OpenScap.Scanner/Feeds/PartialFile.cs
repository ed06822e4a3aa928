using System.Runtime.InteropServices;

namespace ManageIQ.OpenScap.Scanner.Feeds;

/// <summary>A file written under a temporary name in the cache directory and renamed into place when complete.</summary>
internal static class PartialFile
{
    /// <summary>
    /// Creates <paramref name="path"/> afresh with O_EXCL|O_NOFOLLOW, mode 0600. Whatever is already there, a
    /// leftover or a planted link, is unlinked (never followed) and the creation tried once more.
    /// </summary>
    /// <exception cref="IOException">The file cannot be created.</exception>
    public static FileStream Create(string path)
    {
        for (var attempt = 1; ; attempt++)
        {
            var handle = FeedNativeMethods.CreateExclusive(path, out var errno);
            if (handle is not null)
            {
                return new FileStream(handle, FileAccess.Write, 1 << 16);
            }

            if (errno != FeedNativeMethods.FileExists || attempt == 2)
            {
                throw new IOException($"{path} cannot be created: {Marshal.GetPInvokeErrorMessage(errno)}");
            }

            File.Delete(path);
        }
    }
}
