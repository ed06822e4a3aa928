namespace ManageIQ.OpenScap.Compliance.Waivers;

/// <summary>The waiver file is refused; the message names the file and the line.</summary>
public sealed class WaiverFileException : Exception
{
    public WaiverFileException()
    {
    }

    public WaiverFileException(string message)
        : base(message)
    {
    }

    public WaiverFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public WaiverFileException(string file, long line, string problem, Exception? innerException = null)
        : base($"Waiver file {file}, line {line}: {problem}", innerException)
    {
        Line = line;
    }

    /// <summary>The line refused (1-based); 0 when the file as a whole is.</summary>
    public long Line { get; }
}
