namespace ManageIQ.OpenScap.Images.Unpacking;

/// <summary>Names relative to an unpacked root: components joined by <c>/</c>, <c>""</c> being the root itself.</summary>
internal static class RootRelativePath
{
    /// <summary>The directory part (<c>""</c> for the root and its children; the root's parent is the root).</summary>
    public static string ParentOf(string relative)
    {
        var slash = relative.LastIndexOf('/');
        return slash < 0 ? string.Empty : relative[..slash];
    }

    public static string NameOf(string relative) => relative[(relative.LastIndexOf('/') + 1)..];

    public static string Join(string directory, string name) => directory.Length == 0 ? name : directory + "/" + name;
}
