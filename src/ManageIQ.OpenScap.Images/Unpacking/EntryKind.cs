namespace ManageIQ.OpenScap.Images.Unpacking;

/// <summary>What already exists at a path (by lstat: links are not followed).</summary>
internal enum EntryKind
{
    None,
    File,
    Directory,
    SymbolicLink,
}
