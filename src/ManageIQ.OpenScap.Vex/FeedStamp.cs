namespace ManageIQ.OpenScap.Vex;

/// <summary>
/// A feed file's path, length and modification time: while they stay the same, the index read from it before
/// still holds, without hashing the file again. Directories have none (their documents change inside them).
/// </summary>
internal sealed record FeedStamp(string Path, long Length, DateTime Modified)
{
    public static FeedStamp? Of(string feed)
    {
        var file = new FileInfo(feed);
        return file.Exists ? new FeedStamp(file.FullName, file.Length, file.LastWriteTimeUtc) : null;
    }
}
