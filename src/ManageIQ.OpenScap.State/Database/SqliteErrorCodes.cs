namespace ManageIQ.OpenScap.State.Database;

/// <summary>The SQLite primary result codes the store tells apart.</summary>
internal static class SqliteErrorCodes
{
    public const int Corrupt = 11;
    public const int NotADatabase = 26;
}
