namespace ManageIQ.OpenScap.Testing;

/// <summary>
/// Where a canary image puts its links: a directory the content lists (path + filename) becomes
/// one link when nothing else is placed below it, other than its own files; every other file is
/// a link of its own. A path below another placement keeps that one a real directory.
/// </summary>
internal sealed record CanaryPlan(IReadOnlyList<string> Files, IReadOnlyList<string> Directories)
{
    public static CanaryPlan Make(TextFileContentPaths read, IEnumerable<string> usual, IEnumerable<string> keptReal)
    {
        var kept = keptReal.ToHashSet(StringComparer.Ordinal);
        var files = read.Files.Concat(usual).Select(f => f.TrimEnd('/')).Where(f => !kept.Contains(f)).ToHashSet(StringComparer.Ordinal);
        var directories = read.Directories.Select(d => d.TrimEnd('/')).ToHashSet(StringComparer.Ordinal);
        var linked = directories
            .Where(d => !directories.Any(other => other != d && (IsBelow(other, d) || IsBelow(d, other))))
            .Where(d => files.All(f => !IsBelow(f, d) || ParentOf(f) == d))
            .Where(d => !kept.Any(k => IsBelow(k, d)) && !files.Contains(d))
            .ToHashSet(StringComparer.Ordinal);
        files.RemoveWhere(f => linked.Contains(ParentOf(f)) || files.Any(other => IsBelow(other, f)) || linked.Any(d => IsBelow(d, f)));
        return new CanaryPlan([.. files.Order(StringComparer.Ordinal)], [.. linked.Order(StringComparer.Ordinal)]);
    }

    private static bool IsBelow(string path, string directory) => path.StartsWith(directory + "/", StringComparison.Ordinal);

    private static string ParentOf(string path) => path[..path.LastIndexOf('/')];
}
