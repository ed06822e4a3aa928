namespace ManageIQ.OpenScap.State.Database;

/// <summary>
/// The state database cannot be used as it is: corrupt, not a SQLite file, from a newer bridge, or a write
/// the store refuses. The message names the file and what to do; the store never resets it on its own.
/// </summary>
public sealed class StateStoreException : Exception
{
    public StateStoreException()
    {
    }

    public StateStoreException(string message)
        : base(message)
    {
    }

    public StateStoreException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
