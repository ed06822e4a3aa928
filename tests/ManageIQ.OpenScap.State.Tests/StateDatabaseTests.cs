using ManageIQ.OpenScap.State.Database;
using ManageIQ.OpenScap.State.Queue;
using ManageIQ.OpenScap.State.Results;
using ManageIQ.OpenScap.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;

namespace ManageIQ.OpenScap.State.Tests;

/// <summary>Opening the state database: created private, migrated forward, refused when corrupt or newer, never reset.</summary>
public sealed class StateDatabaseTests
{
    /// <summary>Schema version 1 exactly as it shipped; kept here so a later edit of the migration cannot hide an upgrade break.</summary>
    private const string ShippedV1 = """
        PRAGMA auto_vacuum = INCREMENTAL;
        PRAGMA journal_mode = WAL;
        CREATE TABLE scan_results (seq INTEGER PRIMARY KEY AUTOINCREMENT, image_id INTEGER NOT NULL, digest TEXT, scan_id TEXT NOT NULL UNIQUE,
            scanned_on INTEGER NOT NULL, status TEXT NOT NULL, content TEXT NOT NULL, artifacts TEXT NOT NULL,
            recorded_on INTEGER NOT NULL, posted_on INTEGER);
        CREATE INDEX scan_results_by_image ON scan_results (image_id, scanned_on, seq);
        CREATE INDEX scan_results_by_scanned_on ON scan_results (scanned_on);
        CREATE TABLE result_attributes (seq INTEGER PRIMARY KEY REFERENCES scan_results (seq) ON DELETE CASCADE, attributes TEXT NOT NULL);
        CREATE TABLE latest_results (image_id INTEGER PRIMARY KEY, seq INTEGER NOT NULL REFERENCES scan_results (seq));
        CREATE TABLE outbox (image_id INTEGER PRIMARY KEY, seq INTEGER NOT NULL REFERENCES scan_results (seq), enqueued_on INTEGER NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0, next_attempt_on INTEGER NOT NULL, last_error TEXT);
        CREATE INDEX outbox_due ON outbox (next_attempt_on);
        INSERT INTO scan_results VALUES (7, 42, 'sha256:1111', 'scan-v1', 638766000000000000, 'compliant', 'fp', '{}', 638766000000000000, NULL);
        INSERT INTO result_attributes VALUES (7, '[{"name":"openscap_status","value":"compliant"}]');
        INSERT INTO latest_results VALUES (42, 7);
        INSERT INTO outbox VALUES (42, 7, 638766000000000000, 2, 638766000000000000, 'ManageIQ was down');
        PRAGMA user_version = 1;
        """;

    [Test]
    public void Open_MissingDirectory_CreatesItPrivateAtTheLatestVersionInWal()
    {
        using var dir = new TempDirectory();
        var state = dir.Combine("nested", "state");
        var logs = new FakeLogger<StateDatabase>();

        var database = StateDatabase.Open(state, logs);

        Assert.That(database.SchemaVersion, Is.EqualTo(Migrations.Latest));
        Assert.That(database.Path, Is.EqualTo(Path.Combine(state, "state.db")));
        Assert.That(File.GetUnixFileMode(state), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute));
        Assert.That(File.GetUnixFileMode(database.Path), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        using var connection = database.Connect();
        Assert.That(connection.Scalar("PRAGMA journal_mode"), Is.EqualTo("wal"));
        Assert.That(connection.Int64("PRAGMA auto_vacuum"), Is.EqualTo(2), "incremental");
        Assert.That(connection.Int64("PRAGMA synchronous"), Is.EqualTo(2), "full");
        Assert.That(connection.Int64("PRAGMA foreign_keys"), Is.EqualTo(1));
        Assert.That(logs.Collector.GetSnapshot().Select(l => l.Id.Id), Is.EqualTo(new[] { 7001, 7001, 7000 }));
    }

    [Test]
    public async Task Open_V1Database_MigratesForwardKeepingEveryResultAndOutboxEntry()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("state.db");
        using (var v1 = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            v1.Open();
            v1.Execute(ShippedV1);
        }

        var logs = new FakeLogger<StateDatabase>();
        var database = StateDatabase.Open(dir.Path, logs);

        Assert.That(database.SchemaVersion, Is.EqualTo(2));
        Assert.That(logs.Collector.GetSnapshot().Single(l => l.Id.Id == 7001).Message, Does.Contain("from schema version 1 to 2: the scan queue"));
        var store = new ResultStore(database, Failpoints.None, TimeProvider.System, NullLogger<ResultStore>.Instance);
        var entry = await store.GetOutboxEntryAsync(42);
        Assert.That((entry!.Seq, entry.Attempts, entry.LastError, entry.Result.Record.ScanId, entry.Result.Record.Digest), Is.EqualTo((7L, 2, "ManageIQ was down", "scan-v1", "sha256:1111")));
        Assert.That(entry.Result.Record.Attributes.Single().Value, Is.EqualTo("compliant"));
        var next = await store.RecordAsync(Results.Of(42, "scan-v2", entry.Result.Record.ScannedOn.AddDays(1)));
        Assert.That((next.Seq, next.SupersededSeq), Is.EqualTo((8L, 7L)), "the sequence goes on after the migrated rows");
        var queue = new ScanQueue(database, TimeProvider.System, NullLogger<ScanQueue>.Instance);
        Assert.That((await queue.EnqueueAsync(new ScanRequest(42, 1, "sha256:1111", ScanPriority.FullScan))).State, Is.EqualTo(ScanState.Queued));
        Assert.That(StateDatabase.Open(dir.Path, logs).SchemaVersion, Is.EqualTo(2), "opening again migrates nothing");
    }

    [Test]
    public void Open_NewerSchema_RefusedNamingThePathAndLeftAsItIs()
    {
        using var dir = new TempDirectory();
        var path = StateDatabase.Open(dir.Path, NullLogger.Instance).Path;
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            connection.Execute("PRAGMA user_version = 9");
        }

        var e = Assert.Throws<StateStoreException>(() => StateDatabase.Open(dir.Path, NullLogger.Instance));
        Assert.That(e!.Message, Does.Contain(path).And.Contain("schema version 9, written by a newer bridge").And.Contain($"up to {Migrations.Latest}"));
        using var after = new SqliteConnection($"Data Source={path};Pooling=False");
        after.Open();
        Assert.That(after.Int64("PRAGMA user_version"), Is.EqualTo(9));
    }

    [TestCase("not a database at all, just some text that is long enough to hold a header")]
    [TestCase("SQLite format 2\0 and then whatever")]
    [TestCase("SQLite")]
    public void Open_NotASqliteFile_RefusedAndLeftUntouched(string content)
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("state.db");
        File.WriteAllText(path, content);

        var e = Assert.Throws<StateStoreException>(() => StateDatabase.Open(dir.Path, NullLogger.Instance));

        Assert.That(e!.Message, Does.Contain(path).And.Contain("not a SQLite database").And.Contain("move it away"));
        Assert.That(File.ReadAllText(path), Is.EqualTo(content));
    }

    [Test]
    public async Task Open_DamagedPages_RefusedByTheIntegrityCheck()
    {
        using var dir = new TempDirectory();
        var database = StateDatabase.Open(dir.Path, NullLogger.Instance);
        var store = new ResultStore(database, Failpoints.None, TimeProvider.System, NullLogger<ResultStore>.Instance);
        for (var i = 1; i <= 200; i++)
        {
            await store.RecordAsync(Results.Of(i, $"scan-{i}", Results.Monday, "compliant", ("openscap_notes", new string('n', 300))));
        }

        using (var connection = database.Connect())
        {
            connection.Execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }

        SqliteConnection.ClearAllPools();
        var bytes = File.ReadAllBytes(database.Path);
        var pageSize = 4096;
        Assert.That(bytes, Has.Length.GreaterThan(pageSize * 8));
        for (var at = pageSize * 3; at < pageSize * 6; at++)
        {
            bytes[at] = 0x5A;
        }

        File.WriteAllBytes(database.Path, bytes);

        var e = Assert.Throws<StateStoreException>(() => StateDatabase.Open(dir.Path, NullLogger.Instance));

        Assert.That(e!.Message, Does.Contain(database.Path).And.Contain("unusable").And.Contain("restore it from a backup"));
        Assert.That(File.ReadAllBytes(database.Path), Is.EqualTo(bytes), "left as it is");
    }

    [Test]
    public void Open_SomeoneElsesSqliteFile_Refused()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("state.db");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            connection.Execute("CREATE TABLE notes (text TEXT)");
        }

        var e = Assert.Throws<StateStoreException>(() => StateDatabase.Open(dir.Path, NullLogger.Instance));
        Assert.That(e!.Message, Does.Contain(path).And.Contain("not a bridge state database"));
    }

    [Test]
    public void Open_FailingMigration_LeavesTheVersionBeforeAndSaysWhich()
    {
        using var dir = new TempDirectory();
        StateDatabase.Open(dir.Path, NullLogger.Instance, Migrations.All.Take(1).ToList());
        var broken = new List<Migration>(Migrations.All.Take(1)) { new(2, "a broken step", "CREATE TABLE half (x INTEGER); CREATE TABLE half (y INTEGER);") };

        var e = Assert.Throws<StateStoreException>(() => StateDatabase.Open(dir.Path, NullLogger.Instance, broken));

        Assert.That(e!.Message, Does.Contain("could not be migrated to schema version 2 (a broken step)").And.Contain("left at the version before"));
        var database = StateDatabase.Open(dir.Path, NullLogger.Instance);
        Assert.That(database.SchemaVersion, Is.EqualTo(2), "the real migration 2 then applies cleanly: the broken one left nothing behind");
        using var connection = database.Connect();
        Assert.That(connection.Int64("SELECT count(*) FROM sqlite_schema WHERE name = 'half'"), Is.Zero);
    }

    [Test]
    public void Open_PathIsAFile_Refused()
    {
        using var dir = new TempDirectory();
        var file = dir.Combine("state");
        File.WriteAllText(file, "x");
        var e = Assert.Throws<StateStoreException>(() => StateDatabase.Open(file, NullLogger.Instance));
        Assert.That(e!.Message, Does.Contain(file).And.Contain("is a file"));
    }
}
