using Microsoft.Win32.SafeHandles;

namespace ManageIQ.OpenScap.Images.Unpacking;

/// <summary>
/// Gives entries their image owners when running privileged. Root inside a user namespace cannot
/// give away unmapped ids: after the first refusal it stops trying (from any thread).
/// </summary>
internal sealed class OwnerKeeper(bool enabled)
{
    private volatile bool _enabled = enabled;

    public void Keep(string path, int uid, int gid)
    {
        if (_enabled && NativeMethods.LChown(path, uid, gid) != 0)
        {
            _enabled = false;
        }
    }

    public void Keep(SafeFileHandle file, int uid, int gid)
    {
        if (_enabled && NativeMethods.FChown(file, uid, gid) != 0)
        {
            _enabled = false;
        }
    }
}
