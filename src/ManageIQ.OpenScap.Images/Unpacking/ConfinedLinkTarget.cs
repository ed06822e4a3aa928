namespace ManageIQ.OpenScap.Images.Unpacking;

/// <summary>The target written in place of a link's own: relative, and never climbing above the root.</summary>
internal static class ConfinedLinkTarget
{
    /// <summary>
    /// For a link at <paramref name="link"/> (relative to the root): the relative path from its
    /// directory to where it leads; for a loop, the link's own name, so it still loops (ELOOP) and
    /// never leaves its directory.
    /// </summary>
    public static string For(string link, LinkResolution resolution) =>
        resolution.IsLoop ? RootRelativePath.NameOf(link) : Relative(RootRelativePath.ParentOf(link), resolution.Path);

    /// <summary>The path from directory <paramref name="from"/> to <paramref name="to"/>, both relative to the root.</summary>
    public static string Relative(string from, string to)
    {
        var source = from.Length == 0 ? [] : from.Split('/');
        var destination = to.Length == 0 ? [] : to.Split('/');
        var common = 0;
        while (common < source.Length && common < destination.Length && source[common] == destination[common])
        {
            common++;
        }

        // At most one ".." per directory below the root: the link's own depth.
        var parts = Enumerable.Repeat("..", source.Length - common).Concat(destination.Skip(common));
        var relative = string.Join('/', parts);
        return relative.Length == 0 ? "." : relative;
    }
}
