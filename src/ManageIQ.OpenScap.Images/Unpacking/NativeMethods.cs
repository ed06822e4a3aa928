using System.Runtime.InteropServices;

namespace ManageIQ.OpenScap.Images.Unpacking;

/// <summary>The two system calls .NET has no managed API for.</summary>
internal static partial class NativeMethods
{
    [LibraryImport("libc", EntryPoint = "link", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    internal static partial int Link(string existingPath, string newPath);

    [LibraryImport("libc", EntryPoint = "lchown", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    internal static partial int LChown(string path, int owner, int group);
}
