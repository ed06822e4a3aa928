namespace ManageIQ.OpenScap.Scanner.Feeds;

/// <summary>What lstat says about a path: its type and permission bits, and its owner.</summary>
internal sealed record PathStatus(uint Mode, uint Uid, uint Gid)
{
    private const uint TypeMask = 0xF000;

    public bool IsDirectory => (Mode & TypeMask) == 0x4000;

    public bool IsRegularFile => (Mode & TypeMask) == 0x8000;

    public bool IsSymbolicLink => (Mode & TypeMask) == 0xA000;

    /// <summary>Writable by the group or by others (mode bits 0022).</summary>
    public bool IsWritableByOthers => (Mode & 0x12) != 0;

    /// <summary>The permission bits as <c>chmod</c> writes them (<c>0700</c>).</summary>
    public string Permissions => "0" + Convert.ToString(Mode & 0xFFF, 8);
}
