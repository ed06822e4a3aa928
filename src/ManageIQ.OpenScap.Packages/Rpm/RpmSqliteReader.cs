using Microsoft.Data.Sqlite;

namespace ManageIQ.OpenScap.Packages.Rpm;

/// <summary>
/// Lists an <c>rpmdb.sqlite</c> (rpm 4.16+: RHEL 9 and 10, Fedora, Alma and Oracle 9+): table
/// <c>Packages(hnum, blob)</c>, one RPM header per row. The image's file is opened read-only and immutable (no
/// lock, no journal or WAL written or read), and a file that is not such a database is refused by name. When the
/// image holds a non-empty <c>-wal</c> (rpm was interrupted before its checkpoint), the database and its WAL are
/// copied to a private directory first and read there, so committed transactions in the WAL are not missed.
/// </summary>
internal static class RpmSqliteReader
{
    /// <summary>One header's cap: rpm's own data limit plus its index (a kernel's file list is a few MB).</summary>
    internal const long MaxHeaderBytes = RpmHeaderParser.MaxDataBytes + (16L * RpmHeaderParser.MaxEntries) + 8;

    private const int SqliteNotADatabase = 26;

    public static List<InstalledPackage> Read(RootFiles files, string relative, PackageInventoryLimits limits, CancellationToken cancellationToken)
    {
        // Opening checks it is a regular file within the size limits; sqlite then reads it by its resolved path.
        using (files.Open(relative))
        {
        }

        var wal = relative + "-wal";
        var walType = files.TypeOf(wal);
        if (walType == PackageNativeMethods.RegularFile && new FileInfo(files.Resolve(wal)).Length > 0)
        {
            var copy = Directory.CreateTempSubdirectory("miq-rpmdb-");
            try
            {
                CopyInto(files, relative, Path.Combine(copy.FullName, "rpmdb.sqlite"));
                CopyInto(files, wal, Path.Combine(copy.FullName, "rpmdb.sqlite-wal"));
                return ReadDatabase(Path.Combine(copy.FullName, "rpmdb.sqlite"), immutable: false, relative, limits, cancellationToken);
            }
            finally
            {
                copy.Delete(recursive: true);
            }
        }

        return ReadDatabase(files.Resolve(relative), immutable: true, relative, limits, cancellationToken);
    }

    private static void CopyInto(RootFiles files, string relative, string target)
    {
        using var source = files.Open(relative);
        using var destination = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        source.CopyTo(destination);
    }

    private static List<InstalledPackage> ReadDatabase(string path, bool immutable, string relative, PackageInventoryLimits limits, CancellationToken cancellationToken)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = new Uri(path).AbsoluteUri + (immutable ? "?immutable=1" : string.Empty),
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        };
        try
        {
            using var connection = new SqliteConnection(builder.ToString());
            connection.Open();
            Execute(connection, "PRAGMA trusted_schema = OFF; PRAGMA cell_size_check = ON; PRAGMA query_only = ON;");
            if (!HasPackagesTable(connection))
            {
                throw new PackageInventoryException($"{relative} is an SQLite database without rpm's Packages table, so it is not an RPM database.");
            }

            return ReadHeaders(connection, relative, limits, cancellationToken);
        }
        catch (SqliteException e)
        {
            throw new PackageInventoryException(e.SqliteErrorCode == SqliteNotADatabase
                ? $"{relative} is not an SQLite database, so it is not an RPM database: {e.Message}"
                : $"{relative} cannot be read as an RPM database: {e.Message}", e);
        }
    }

    private static List<InstalledPackage> ReadHeaders(SqliteConnection connection, string relative, PackageInventoryLimits limits, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT hnum, length(blob), blob FROM Packages ORDER BY hnum";
        using var reader = command.ExecuteReader();
        var packages = new List<InstalledPackage>();
        var buffer = Array.Empty<byte>();
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var hnum = reader.IsDBNull(0) ? "NULL" : reader.GetValue(0).ToString();
            var where = $"{relative}, hnum {hnum}";
            var length = reader.IsDBNull(1) ? -1 : reader.GetInt64(1);
            if (length is < 0 or > MaxHeaderBytes)
            {
                throw new PackageInventoryException($"{where}: the header is {(length < 0 ? "NULL" : length + " bytes")}, not an RPM header (at most {MaxHeaderBytes} bytes).");
            }

            if (packages.Count == limits.MaxPackages)
            {
                throw new PackageInventoryException($"{relative} lists more than {limits.MaxPackages} packages ({PackageInventoryLimits.SectionName}:{nameof(limits.MaxPackages)}).");
            }

            if (buffer.Length < length)
            {
                buffer = new byte[Math.Max(length, Math.Min(2L * buffer.Length, MaxHeaderBytes))];
            }

            var read = reader.GetBytes(2, 0, buffer, 0, (int)length);
            packages.Add(RpmHeaderParser.Parse(buffer.AsSpan(0, (int)read), where));
        }

        return packages;
    }

    private static bool HasPackagesTable(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'Packages'";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 1;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
