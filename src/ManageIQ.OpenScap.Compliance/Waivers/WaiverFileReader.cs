namespace ManageIQ.OpenScap.Compliance.Waivers;

/// <summary>Reads and parses the waiver file, refusing one larger than <see cref="WaiverFileParser.MaxBytes"/> before reading it.</summary>
public static class WaiverFileReader
{
    /// <exception cref="WaiverFileException">The file is missing, unreadable, too large or not a valid waiver file.</exception>
    public static WaiverSet Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new WaiverFileException(path, 0, "the file does not exist.");
            }

            if (info.Length > WaiverFileParser.MaxBytes)
            {
                throw new WaiverFileException(path, 0, $"{info.Length} bytes, larger than {WaiverFileParser.MaxBytes}.");
            }

            return WaiverFileParser.Parse(System.IO.File.ReadAllText(path), path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new WaiverFileException(path, 0, "not readable: " + e.Message, e);
        }
    }

    /// <summary>What tells a changed file: its length and last write time (null when it is missing).</summary>
    public static (long Length, DateTime Written)? Stamp(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? (info.Length, info.LastWriteTimeUtc) : null;
    }
}
