using Microsoft.Win32.SafeHandles;

namespace ManageIQ.OpenScap.Images.Unpacking;

/// <summary>Writes file content at an offset of an open file (the writer pool's one outside call).</summary>
internal interface IFileContentWriter
{
    /// <summary>Writes all of <paramref name="data"/> at <paramref name="offset"/>; <paramref name="name"/> is the entry name, for errors.</summary>
    void Write(SafeFileHandle file, ReadOnlySpan<byte> data, long offset, string name);
}
