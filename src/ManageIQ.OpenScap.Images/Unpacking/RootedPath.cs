namespace ManageIQ.OpenScap.Images.Unpacking;

/// <summary>
/// Resolves paths inside a root filesystem as if the root were <c>/</c> (a chroot): symbolic links
/// are followed, but an absolute target restarts at the root and <c>..</c> stops at the root, so
/// the result always lies inside the root whatever links the image holds.
/// </summary>
public static class RootedPath
{
    private const int MaxLinkHops = 255;

    /// <summary>
    /// Returns the host path that <paramref name="path"/> names inside <paramref name="root"/>,
    /// following every symbolic link (including the last component).
    /// </summary>
    /// <exception cref="IOException">More than 255 symbolic links were met (a loop).</exception>
    public static string Resolve(string root, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        ArgumentNullException.ThrowIfNull(path);
        var rootFull = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        var resolved = new List<string>();
        var pending = new Stack<string>();
        PushComponents(pending, path);
        var hops = 0;
        while (pending.Count > 0)
        {
            var component = pending.Pop();
            if (component.Length == 0 || component == ".")
            {
                continue;
            }

            if (component == "..")
            {
                if (resolved.Count > 0)
                {
                    resolved.RemoveAt(resolved.Count - 1);
                }

                continue;
            }

            resolved.Add(component);
            var candidate = Join(rootFull, resolved);
            var target = new FileInfo(candidate).LinkTarget;
            if (target is null)
            {
                continue;
            }

            if (++hops > MaxLinkHops)
            {
                throw new IOException($"Too many levels of symbolic links resolving '{path}'.");
            }

            resolved.RemoveAt(resolved.Count - 1);
            if (target.StartsWith('/'))
            {
                resolved.Clear();
            }

            PushComponents(pending, target);
        }

        return Join(rootFull, resolved);
    }

    /// <summary>True when <paramref name="candidate"/> is <paramref name="root"/> or lies below it (lexically).</summary>
    public static bool IsInside(string root, string candidate)
    {
        var rootFull = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        var full = Path.GetFullPath(candidate);
        return full == rootFull || full.StartsWith(rootFull + "/", StringComparison.Ordinal);
    }

    private static void PushComponents(Stack<string> pending, string path)
    {
        var parts = path.Split('/');
        for (var i = parts.Length - 1; i >= 0; i--)
        {
            pending.Push(parts[i]);
        }
    }

    private static string Join(string root, List<string> components) =>
        components.Count == 0 ? root : root + "/" + string.Join('/', components);
}
