namespace ManageIQ.OpenScap.Images.Unpacking;

/// <summary>What lstat says of one name in the tree: its kind, owner and modification time.</summary>
internal readonly record struct TreeEntryStatus(EntryKind Kind, int Uid, int Gid, NativeTimeSpec Modified)
{
    private const int TypeMask = 0xF000;
    private const int DirectoryType = 0x4000;
    private const int SymbolicLinkType = 0xA000;

    /// <summary>The kind from st_mode's type bits; everything that is neither a directory nor a link counts as a file.</summary>
    public static EntryKind KindOf(int mode) => (mode & TypeMask) switch
    {
        DirectoryType => EntryKind.Directory,
        SymbolicLinkType => EntryKind.SymbolicLink,
        _ => EntryKind.File,
    };
}
