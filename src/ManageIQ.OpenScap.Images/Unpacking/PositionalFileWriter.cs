using Microsoft.Win32.SafeHandles;

namespace ManageIQ.OpenScap.Images.Unpacking;

/// <summary>pwrite(2): pieces of one file may be written by different threads in any order.</summary>
internal sealed class PositionalFileWriter : IFileContentWriter
{
    public static PositionalFileWriter Instance { get; } = new();

    public void Write(SafeFileHandle file, ReadOnlySpan<byte> data, long offset, string name) => NativeMethods.WriteAt(file, data, offset, name);
}
