using System.Buffers.Binary;
using ManageIQ.OpenScap.Images;
using ManageIQ.OpenScap.Testing;
using Microsoft.Data.Sqlite;

namespace ManageIQ.OpenScap.Packages.Tests.Rpm;

/// <summary>
/// rpmdb.sqlite written by Debian's rpm tools (a real database with real headers), read back by the project and
/// compared with <c>rpm -qa</c>; hostile databases and headers are refused with the file and header named.
/// </summary>
[CancelAfter(120_000)]
public class RpmSqliteInventoryTests
{
    private const string Database = "var/lib/rpm/rpmdb.sqlite";
    private static readonly OsRelease Rhel = new() { Id = "rhel", VersionId = "9.4", IdLike = ["fedora"] };

    [Test]
    public async Task ReadAsync_RpmWrittenDatabase_ListsWhatRpmQueryAllLists()
    {
        using var directory = new TempDirectory();
        var root = directory.Combine("rootfs");
        SyntheticRpmRoot.Write(root, directory.Combine("rpmbuild"), [new("openssl", "3.0.7", "27.el9", Epoch: 1, SubPackages: ["openssl-libs"]), new("zlib", "1.2.11", "40.el9")]);

        var inventory = await InventoryReaders.Create().ReadAsync(root, Rhel, CancellationToken.None);

        var expected = Shell.Output("rpm", [.. SyntheticRpmRoot.Database(root), "-qa", "--qf", "%{NAME}|%|EPOCH?{%{EPOCH}:}|%{VERSION}-%{RELEASE}|%{ARCH}|%{SOURCERPM}\\n"])
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split('|'))
            .Select(f => (f[0], f[1], f[2], f[3]))
            .Order()
            .ToList();
        Assert.That(inventory.Kind, Is.EqualTo(PackageDatabaseKind.Rpm));
        Assert.That(inventory.Listed, Is.True);
        Assert.That(inventory.Source, Is.EqualTo(Database));
        Assert.That(inventory.Packages.Select(p => (p.Name, p.Version, p.Architecture, p.SourceName)).Order(), Is.EqualTo(expected.Select(e => (e.Item1, e.Item2, e.Item3, e.Item4.Split("-")[0]))));
        Assert.That(inventory.Packages, Is.EquivalentTo(new[]
        {
            new InstalledPackage("openssl", "1:3.0.7-27.el9", "noarch", "openssl", "1:3.0.7-27.el9"),
            new InstalledPackage("openssl-libs", "1:3.0.7-27.el9", "noarch", "openssl", "1:3.0.7-27.el9"),
            new InstalledPackage("zlib", "1.2.11-40.el9", "noarch", "zlib", "1.2.11-40.el9"),
        }));
    }

    [Test]
    public async Task ReadAsync_GarbageFile_IsRefusedAsNotSqlite()
    {
        using var directory = new TempDirectory();
        WriteRoot(directory);
        await File.WriteAllBytesAsync(directory.Combine(Database), [.. Enumerable.Range(0, 8192).Select(i => (byte)(i * 7))]);

        var e = Assert.ThrowsAsync<PackageInventoryException>(() => InventoryReaders.Create().ReadAsync(directory.Path, Rhel, CancellationToken.None));

        Assert.That(e.Message, Does.StartWith(Database + " is not an SQLite database"));
    }

    [Test]
    public void ReadAsync_SqliteWithoutPackagesTable_IsRefused()
    {
        using var directory = new TempDirectory();
        WriteRoot(directory);
        WriteDatabase(directory.Combine(Database), "CREATE TABLE Other (x)");

        var e = Assert.ThrowsAsync<PackageInventoryException>(() => InventoryReaders.Create().ReadAsync(directory.Path, Rhel, CancellationToken.None));

        Assert.That(e.Message, Does.Contain("without rpm's Packages table"));
    }

    [Test]
    public void ReadAsync_EmptyPackagesTable_ListsNothingAndIsAnError()
    {
        using var directory = new TempDirectory();
        WriteRoot(directory);
        WriteDatabase(directory.Combine(Database), "CREATE TABLE Packages (hnum INTEGER PRIMARY KEY AUTOINCREMENT, blob BLOB NOT NULL)");

        var e = Assert.ThrowsAsync<PackageInventoryException>(() => InventoryReaders.Create().ReadAsync(directory.Path, Rhel, CancellationToken.None));

        Assert.That(e.Message, Is.EqualTo(Database + " lists no installed package."));
    }

    private static IEnumerable<TestCaseData> HostileHeaders()
    {
        var good = Header(("name", 1000), ("1.0", 1001), ("1", 1002));
        yield return new TestCaseData(good[..5], "shorter than a header's 8-byte preamble").SetName("truncated preamble");
        yield return new TestCaseData(good[..^4], "bytes in all, but has").SetName("truncated data");
        yield return new TestCaseData(WithInt(good, 0, 0x7fffffff), "index entries (1 to 65535 allowed)").SetName("huge index count");
        yield return new TestCaseData(WithInt(good, 4, 0x7ffffff0), "data bytes (0 to 268435455 allowed)").SetName("huge data length");
        yield return new TestCaseData(WithInt(good, 8 + 8, 5000), "offset 5000 is outside its").SetName("offset past end");
        yield return new TestCaseData(WithInt(good, 8 + 8, -4), "offset -4 is outside its").SetName("negative offset");
        yield return new TestCaseData(WithInt(good, 8 + 4, 4), "not a string").SetName("wrong type");
        yield return new TestCaseData(Header(("name", 1000)), "has no NAME, VERSION or RELEASE").SetName("missing version");
        var unterminated = Header(("name", 1000), ("1.0", 1001), ("1", 1002));
        unterminated[^1] = (byte)'x';
        yield return new TestCaseData(unterminated, "runs past the end of the data").SetName("unterminated string");
    }

    [TestCaseSource(nameof(HostileHeaders))]
    public void ReadAsync_HostileHeader_NamesTheDatabaseAndRow(byte[] blob, string expected)
    {
        using var directory = new TempDirectory();
        WriteRoot(directory);
        WriteDatabase(directory.Combine(Database), "CREATE TABLE Packages (hnum INTEGER PRIMARY KEY AUTOINCREMENT, blob BLOB NOT NULL)", blob);

        var e = Assert.ThrowsAsync<PackageInventoryException>(() => InventoryReaders.Create().ReadAsync(directory.Path, Rhel, CancellationToken.None));

        Assert.That(e.Message, Does.StartWith(Database + ", hnum 1: the RPM header"));
        Assert.That(e.Message, Does.Contain(expected));
    }

    [Test]
    public void ReadAsync_MorePackagesThanTheLimit_IsRefusedNamingTheKey()
    {
        using var directory = new TempDirectory();
        WriteRoot(directory);
        var blob = Header(("name", 1000), ("1.0", 1001), ("1", 1002));
        WriteDatabase(directory.Combine(Database), "CREATE TABLE Packages (hnum INTEGER PRIMARY KEY AUTOINCREMENT, blob BLOB NOT NULL)", blob, blob, blob);

        var e = Assert.ThrowsAsync<PackageInventoryException>(() => InventoryReaders.Create(l => l.MaxPackages = 2).ReadAsync(directory.Path, Rhel, CancellationToken.None));

        Assert.That(e.Message, Does.Contain("PackageInventory:MaxPackages"));
    }

    [Test]
    public async Task ReadAsync_HandWrittenHeaderWithEpochAndSourceRpm_IsParsed()
    {
        using var directory = new TempDirectory();
        WriteRoot(directory);
        var blob = Header(("bind-libs", 1000), ("9.16.23", 1001), ("18.el9_4.1", 1002), ("x86_64", 1022), ("bind-9.16.23-18.el9_4.1.src.rpm", 1044), (32, 1003));
        WriteDatabase(directory.Combine(Database), "CREATE TABLE Packages (hnum INTEGER PRIMARY KEY AUTOINCREMENT, blob BLOB NOT NULL)", blob);

        var inventory = await InventoryReaders.Create().ReadAsync(directory.Path, Rhel, CancellationToken.None);

        Assert.That(inventory.Packages, Is.EqualTo(new[] { new InstalledPackage("bind-libs", "32:9.16.23-18.el9_4.1", "x86_64", "bind", "32:9.16.23-18.el9_4.1") }));
    }

    [Test]
    public async Task ReadAsync_CommittedTransactionsStillInTheWal_AreRead()
    {
        using var directory = new TempDirectory();
        WriteRoot(directory);
        var staging = Directory.CreateDirectory(directory.Combine("staging")).FullName;
        var stagingDb = Path.Combine(staging, "rpmdb.sqlite");
        WriteDatabase(stagingDb, "CREATE TABLE Packages (hnum INTEGER PRIMARY KEY AUTOINCREMENT, blob BLOB NOT NULL)", Header(("first", 1000), ("1.0", 1001), ("1", 1002)));
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = stagingDb, Pooling = false }.ToString()))
        {
            connection.Open();
            using var wal = connection.CreateCommand();
            wal.CommandText = "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0";
            wal.ExecuteNonQuery();
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO Packages (blob) VALUES ($blob)";
            insert.Parameters.AddWithValue("$blob", Header(("second", 1000), ("2.0", 1001), ("1", 1002)));
            insert.ExecuteNonQuery();

            // As an image layer holds them when rpm was interrupted: the database, and the WAL not checkpointed.
            File.Copy(stagingDb, directory.Combine(Database));
            File.Copy(stagingDb + "-wal", directory.Combine(Database + "-wal"));
        }

        var inventory = await InventoryReaders.Create().ReadAsync(directory.Path, Rhel, CancellationToken.None);

        Assert.That(new FileInfo(directory.Combine(Database + "-wal")).Length, Is.Positive);
        Assert.That(inventory.Packages.Select(p => p.Name), Is.EqualTo(new[] { "first", "second" }));
        Assert.That(Directory.GetFiles(directory.Combine("var/lib/rpm")).Select(Path.GetFileName), Is.EquivalentTo(new[] { "rpmdb.sqlite", "rpmdb.sqlite-wal" }), "nothing is written into the image");
    }

    private static void WriteRoot(TempDirectory directory) => Directory.CreateDirectory(directory.Combine("var/lib/rpm"));

    private static void WriteDatabase(string path, string schema, params byte[][] blobs)
    {
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
        {
            connection.Open();
            using var create = connection.CreateCommand();
            create.CommandText = schema;
            create.ExecuteNonQuery();
            foreach (var blob in blobs)
            {
                using var insert = connection.CreateCommand();
                insert.CommandText = "INSERT INTO Packages (blob) VALUES ($blob)";
                insert.Parameters.AddWithValue("$blob", blob);
                insert.ExecuteNonQuery();
            }
        }
    }

    /// <summary>An RPM header blob: strings (type 6) and one 32-bit integer (type 4), as rpm lays them out.</summary>
    private static byte[] Header(params (object Value, int Tag)[] entries)
    {
        var data = new List<byte>();
        var index = new List<byte>();
        foreach (var (value, tag) in entries)
        {
            int type, offset;
            if (value is int number)
            {
                while (data.Count % 4 != 0)
                {
                    data.Add(0);
                }

                (type, offset) = (4, data.Count);
                data.AddRange(BigEndian(number));
            }
            else
            {
                (type, offset) = (6, data.Count);
                data.AddRange(System.Text.Encoding.UTF8.GetBytes((string)value));
                data.Add(0);
            }

            index.AddRange([.. BigEndian(tag), .. BigEndian(type), .. BigEndian(offset), .. BigEndian(1)]);
        }

        return [.. BigEndian(entries.Length), .. BigEndian(data.Count), .. index, .. data];
    }

    private static byte[] WithInt(byte[] blob, int at, int value)
    {
        var copy = (byte[])blob.Clone();
        BinaryPrimitives.WriteInt32BigEndian(copy.AsSpan(at), value);
        return copy;
    }

    private static byte[] BigEndian(int value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(bytes, value);
        return bytes;
    }
}
