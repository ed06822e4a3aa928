using Microsoft.Data.Sqlite;

namespace ManageIQ.OpenScap.State.Database;

/// <summary>
/// <c>BEGIN IMMEDIATE</c> ... <c>COMMIT</c>: the write lock is taken at the start, so two writers never
/// deadlock upgrading a read; disposing without <see cref="Commit"/> rolls back.
/// </summary>
internal sealed class WriteTransaction : IDisposable
{
    private readonly SqliteConnection _connection;
    private bool _done;

    private WriteTransaction(SqliteConnection connection)
    {
        _connection = connection;
    }

    public static WriteTransaction Begin(SqliteConnection connection)
    {
        connection.Execute("BEGIN IMMEDIATE");
        return new WriteTransaction(connection);
    }

    public void Commit()
    {
        _connection.Execute("COMMIT");
        _done = true;
    }

    public void Dispose()
    {
        if (_done)
        {
            return;
        }

        _done = true;
        try
        {
            _connection.Execute("ROLLBACK");
        }
        catch (SqliteException)
        {
            // SQLite already rolled back (a failed COMMIT or an I/O error); the connection is closed next.
        }
    }
}
