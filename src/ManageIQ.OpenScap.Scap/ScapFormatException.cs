namespace ManageIQ.OpenScap.Scap;

/// <summary>
/// The input is not a readable SCAP result: empty, malformed, truncated, hostile (DTD, entities), over a
/// configured limit, or some other XML. The message names the source and, when known, the line and position.
/// </summary>
public sealed class ScapFormatException : Exception
{
    public ScapFormatException()
    {
    }

    public ScapFormatException(string message)
        : base(message)
    {
    }

    public ScapFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ScapFormatException(string sourceName, int lineNumber, int linePosition, string reason, Exception? innerException = null)
        : base(Describe(sourceName, lineNumber, linePosition, reason), innerException)
    {
        SourceName = sourceName;
        LineNumber = lineNumber;
        LinePosition = linePosition;
        Reason = reason;
    }

    public string? SourceName { get; }

    /// <summary>1-based line of the problem, or 0 when the problem has no position (e.g. an empty input).</summary>
    public int LineNumber { get; }

    public int LinePosition { get; }

    /// <summary>What was wrong, without the source and position.</summary>
    public string? Reason { get; }

    private static string Describe(string sourceName, int line, int position, string reason) =>
        line > 0 ? $"{sourceName}:{line}:{position}: {reason}" : $"{sourceName}: {reason}";
}
