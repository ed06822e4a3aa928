namespace ManageIQ.OpenScap.Scanner.Feeds;

/// <summary>The CVE feed could not be fetched or read. The message names the feed, never a credential.</summary>
public sealed class CveFeedException : Exception
{
    public CveFeedException()
    {
    }

    public CveFeedException(string message)
        : base(message)
    {
    }

    public CveFeedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
