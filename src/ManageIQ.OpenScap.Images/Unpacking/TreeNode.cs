namespace ManageIQ.OpenScap.Images.Unpacking;

/// <summary>One name of the unpacked tree, by lstat: its kind and, for a link, its target as written.</summary>
internal readonly record struct TreeNode(EntryKind Kind, string? LinkTarget)
{
    public static TreeNode Missing { get; } = new(EntryKind.None, null);
}
