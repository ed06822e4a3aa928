using System.Text;
using ManageIQ.OpenScap.State.Logging;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace ManageIQ.OpenScap.State.Database;

/// <summary>
/// The state database file, <c>state.db</c> in the state directory: checked and migrated forward when opened,
/// then handing out connections in WAL mode with full fsync on commit. A file that is not SQLite, fails
/// <c>PRAGMA integrity_check</c>, or was written by a newer schema is refused, never reset.
/// </summary>
public sealed class StateDatabase
{
    public const string FileName = "state.db";

    private const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private static readonly byte[] SqliteHeader = Encoding.ASCII.GetBytes("SQLite format 3\0");

    private readonly string _connectionString;

    private StateDatabase(string path, int schemaVersion)
    {
        Path = path;
        SchemaVersion = schemaVersion;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = true,
            ForeignKeys = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    public int SchemaVersion { get; }

    /// <summary>Opens (creating when missing) the database in <paramref name="directory"/> and migrates it to the latest schema.</summary>
    public static StateDatabase Open(string directory, ILogger logger) => Open(directory, logger, Migrations.All);

    internal static StateDatabase Open(string directory, ILogger logger, IReadOnlyList<Migration> migrations)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentNullException.ThrowIfNull(logger);
        var path = System.IO.Path.Combine(PrepareDirectory(directory), FileName);
        var fresh = PrepareFile(path);
        var latest = migrations.Count == 0 ? 0 : migrations[^1].Version;
        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
            connection.Open();
            var version = checked((int)(connection.Int64("PRAGMA user_version") ?? 0));
            if (version > latest)
            {
                throw new StateStoreException(
                    $"The state database {path} has schema version {version}, written by a newer bridge; this bridge knows versions up to {latest}. " +
                    "Run the newer bridge, or move the file away to start with an empty store.");
            }

            if (!fresh)
            {
                CheckIntegrity(connection, path);
            }

            var empty = connection.Int64("SELECT count(*) FROM sqlite_schema") == 0;
            if (version == 0 && !empty)
            {
                throw new StateStoreException($"The state database {path} holds tables but no schema version: it is not a bridge state database. Move it away to start with an empty store.");
            }

            if (empty)
            {
                // Must precede the first table: freed pages can then be returned by incremental_vacuum.
                connection.Execute("PRAGMA auto_vacuum = INCREMENTAL");
            }

            var mode = connection.Scalar("PRAGMA journal_mode = WAL") as string;
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new StateStoreException($"The state database {path} cannot use write-ahead logging (journal mode {mode}); put Bridge:StateDirectory on a local file system.");
            }

            foreach (var migration in migrations.Where(m => m.Version > version))
            {
                Migrate(connection, migration, path);
                Log.Migrated(logger, path, version, migration.Version, migration.Description);
                version = migration.Version;
            }

            Log.Opened(logger, path, version);
            return new StateDatabase(path, version);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is SqliteErrorCodes.Corrupt or SqliteErrorCodes.NotADatabase)
        {
            throw Corrupt(path, e.Message, e);
        }
        catch (SqliteException e)
        {
            throw new StateStoreException($"The state database {path} could not be opened: {e.Message}", e);
        }
    }

    /// <summary>An open connection with the per-connection settings applied; the caller disposes it.</summary>
    internal SqliteConnection Connect()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            connection.Execute("PRAGMA synchronous = FULL; PRAGMA busy_timeout = 30000");
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static string PrepareDirectory(string directory)
    {
        var full = System.IO.Path.GetFullPath(directory);
        if (File.Exists(full))
        {
            throw new StateStoreException($"The state directory {full} is a file, not a directory.");
        }

        if (!Directory.Exists(full))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(full);
            }
            else
            {
                Directory.CreateDirectory(full, DirectoryMode);
            }
        }

        return full;
    }

    /// <summary>Creates a missing file readable by the owner only (the WAL files inherit its mode); true when it was new or empty.</summary>
    private static bool PrepareFile(string path)
    {
        if (!File.Exists(path))
        {
            var options = new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = FileMode;
            }

            using (new FileStream(path, options))
            {
            }

            return true;
        }

        var header = new byte[SqliteHeader.Length];
        int read;
        using (var stream = File.OpenRead(path))
        {
            read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }

        if (read == 0)
        {
            return true;
        }

        if (read < header.Length || !header.AsSpan().SequenceEqual(SqliteHeader))
        {
            throw Corrupt(path, "the file is not a SQLite database (its header is wrong)", null);
        }

        return false;
    }

    private static void CheckIntegrity(SqliteConnection connection, string path)
    {
        var problems = new List<string>();
        using (var command = connection.Command("PRAGMA integrity_check(5)"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                problems.Add(reader.GetString(0));
            }
        }

        if (problems is not ["ok"])
        {
            throw Corrupt(path, "PRAGMA integrity_check failed: " + string.Join("; ", problems), null);
        }
    }

    private static void Migrate(SqliteConnection connection, Migration migration, string path)
    {
        using var transaction = WriteTransaction.Begin(connection);
        try
        {
            connection.Execute(migration.Sql);
            connection.Execute($"PRAGMA user_version = {migration.Version}");
        }
        catch (SqliteException e)
        {
            throw new StateStoreException($"The state database {path} could not be migrated to schema version {migration.Version} ({migration.Description}): {e.Message}. It was left at the version before.", e);
        }

        transaction.Commit();
    }

    private static StateStoreException Corrupt(string path, string what, Exception? inner) =>
        new($"The state database {path} is unusable: {what}. It was left as it is; restore it from a backup, or move it away (with its -wal and -shm files) to start with an empty store.", inner);
}
