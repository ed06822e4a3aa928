using ManageIQ.OpenScap.Images.Unpacking;
using Microsoft.Win32.SafeHandles;

namespace ManageIQ.OpenScap.Images.Tests.Unpacking;

/// <summary>
/// The real positional writer, with a hook run before each piece (on the writer thread): to slow
/// writes down so content is still in flight when later entries arrive, to fail, or to cancel.
/// </summary>
internal sealed class ScriptedContentWriter(Action<string, long> beforeWrite) : IFileContentWriter
{
    private int _writes;

    public int Writes => Volatile.Read(ref _writes);

    public void Write(SafeFileHandle file, ReadOnlySpan<byte> data, long offset, string name)
    {
        Interlocked.Increment(ref _writes);
        beforeWrite(name, offset);
        PositionalFileWriter.Instance.Write(file, data, offset, name);
    }
}
