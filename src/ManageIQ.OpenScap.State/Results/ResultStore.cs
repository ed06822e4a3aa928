using ManageIQ.OpenScap.State.Database;
using ManageIQ.OpenScap.State.Logging;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace ManageIQ.OpenScap.State.Results;

/// <summary><see cref="IResultStore"/> on the state database; every write is one immediate transaction.</summary>
public sealed class ResultStore : IResultStore
{
    private const string ResultColumns = "r.seq, r.image_id, r.digest, r.scan_id, r.scanned_on, r.status, r.content, a.attributes, r.artifacts, r.recorded_on, r.posted_on";
    private const string WithAttributes = "LEFT JOIN result_attributes a ON a.seq = r.seq";
    private const int MaxErrorLength = 2000;

    private readonly StateDatabase _database;
    private readonly Failpoints _failpoints;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public ResultStore(StateDatabase database, Failpoints failpoints, TimeProvider time, ILogger<ResultStore> logger)
    {
        _database = database;
        _failpoints = failpoints;
        _time = time;
        _logger = logger;
    }

    public async Task<RecordOutcome> RecordAsync(ScanResultRecord result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        result.Validate();
        cancellationToken.ThrowIfCancellationRequested();
        var now = UtcTicks.From(_time.GetUtcNow());
        var scannedOn = UtcTicks.From(result.ScannedOn);
        using var connection = _database.Connect();
        using var transaction = WriteTransaction.Begin(connection);
        if (Existing(connection, result) is { } existing)
        {
            return existing;
        }

        var seq = connection.Int64(
            """
            INSERT INTO scan_results (image_id, digest, scan_id, scanned_on, status, content, artifacts, recorded_on)
            VALUES ($image, $digest, $scan, $scanned, $status, $content, $artifacts, $now)
            RETURNING seq
            """,
            ("$image", result.ImageId), ("$digest", result.Digest), ("$scan", result.ScanId), ("$scanned", scannedOn), ("$status", result.Status),
            ("$content", result.ContentFingerprint), ("$artifacts", ResultJson.WriteArtifacts(result.Artifacts)), ("$now", now))!.Value;
        connection.Execute("INSERT INTO result_attributes (seq, attributes) VALUES ($seq, $attributes)", ("$seq", seq), ("$attributes", ResultJson.WriteAttributes(result.Attributes)));

        var (latestSeq, latestScannedOn) = Latest(connection, result.ImageId);
        RecordOutcome outcome;
        if (latestScannedOn > scannedOn)
        {
            DropAttributes(connection, seq);
            outcome = new RecordOutcome(seq, RecordDisposition.Older);
        }
        else
        {
            var waiting = connection.Int64("SELECT seq FROM outbox WHERE image_id = $image", ("$image", result.ImageId));
            connection.Execute("INSERT INTO latest_results (image_id, seq) VALUES ($image, $seq) ON CONFLICT (image_id) DO UPDATE SET seq = excluded.seq", ("$image", result.ImageId), ("$seq", seq));
            connection.Execute(
                """
                INSERT INTO outbox (image_id, seq, enqueued_on, attempts, next_attempt_on) VALUES ($image, $seq, $now, 0, $now)
                ON CONFLICT (image_id) DO UPDATE SET seq = excluded.seq, enqueued_on = excluded.enqueued_on, attempts = 0,
                    next_attempt_on = excluded.next_attempt_on, last_error = NULL
                """,
                ("$image", result.ImageId), ("$seq", seq), ("$now", now));
            if (latestSeq is { } previous)
            {
                DropAttributes(connection, previous);
            }

            outcome = new RecordOutcome(seq, RecordDisposition.Queued, waiting);
        }

        await _failpoints.HitAsync(Failpoints.BeforeCommit, cancellationToken);
        transaction.Commit();
        Log.Recorded(_logger, seq, result.ImageId, result.ScanId, outcome.Disposition, outcome.SupersededSeq);
        return outcome;
    }

    public Task<StoredResult?> GetLatestAsync(long imageId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = _database.Connect();
        return Task.FromResult(ReadResults(connection, $"SELECT {ResultColumns} FROM latest_results l JOIN scan_results r ON r.seq = l.seq {WithAttributes} WHERE l.image_id = $image", ("$image", imageId)).SingleOrDefault());
    }

    public Task<IReadOnlyList<StoredResult>> GetHistoryAsync(long imageId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = _database.Connect();
        return Task.FromResult<IReadOnlyList<StoredResult>>(ReadResults(
            connection, $"SELECT {ResultColumns} FROM scan_results r {WithAttributes} WHERE r.image_id = $image ORDER BY r.scanned_on DESC, r.seq DESC LIMIT $limit", ("$image", imageId), ("$limit", limit)));
    }

    public Task<IReadOnlyList<long>> ListLatestImageIdsAsync(long afterImageId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = _database.Connect();
        using var command = connection.Command("SELECT image_id FROM latest_results WHERE image_id > $after ORDER BY image_id LIMIT $limit", ("$after", afterImageId), ("$limit", limit));
        using var reader = command.ExecuteReader();
        var ids = new List<long>();
        while (reader.Read())
        {
            ids.Add(reader.GetInt64(0));
        }

        return Task.FromResult<IReadOnlyList<long>>(ids);
    }

    public Task<OutboxEntry?> GetOutboxEntryAsync(long imageId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = _database.Connect();
        using var command = connection.Command(
            $"SELECT {ResultColumns}, o.enqueued_on, o.attempts, o.next_attempt_on, o.last_error FROM outbox o JOIN scan_results r ON r.seq = o.seq {WithAttributes} WHERE o.image_id = $image",
            ("$image", imageId));
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return Task.FromResult<OutboxEntry?>(null);
        }

        return Task.FromResult<OutboxEntry?>(new OutboxEntry
        {
            Result = ReadResult(reader),
            EnqueuedOn = UtcTicks.ToTime(reader.GetInt64(11)),
            Attempts = reader.GetInt32(12),
            NextAttemptOn = UtcTicks.ToTime(reader.GetInt64(13)),
            LastError = reader.NullableString(14),
        });
    }

    public Task<IReadOnlyList<long>> ListDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = _database.Connect();
        using var command = connection.Command(
            "SELECT image_id FROM outbox WHERE next_attempt_on <= $now ORDER BY next_attempt_on, image_id LIMIT $limit", ("$now", UtcTicks.From(now)), ("$limit", limit));
        using var reader = command.ExecuteReader();
        var images = new List<long>();
        while (reader.Read())
        {
            images.Add(reader.GetInt64(0));
        }

        return Task.FromResult<IReadOnlyList<long>>(images);
    }

    public Task<int> CountWaitingAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = _database.Connect();
        return Task.FromResult((int)connection.Int64("SELECT count(*) FROM outbox")!.Value);
    }

    public Task<bool> MarkDeliveredAsync(long imageId, long seq, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = _database.Connect();
        using var transaction = WriteTransaction.Begin(connection);
        connection.Execute("UPDATE scan_results SET posted_on = $now WHERE seq = $seq", ("$now", UtcTicks.From(_time.GetUtcNow())), ("$seq", seq));
        var removed = connection.Execute("DELETE FROM outbox WHERE image_id = $image AND seq = $seq", ("$image", imageId), ("$seq", seq)) == 1;
        transaction.Commit();
        return Task.FromResult(removed);
    }

    public Task MarkFailedAsync(long imageId, long seq, string reason, DateTimeOffset nextAttemptOn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reason);
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = _database.Connect();
        connection.Execute(
            "UPDATE outbox SET attempts = attempts + 1, last_error = $error, next_attempt_on = $next WHERE image_id = $image AND seq = $seq",
            ("$error", reason.Length > MaxErrorLength ? reason[..MaxErrorLength] : reason), ("$next", UtcTicks.From(nextAttemptOn)), ("$image", imageId), ("$seq", seq));
        return Task.CompletedTask;
    }

    public Task<bool> AbandonAsync(long imageId, long seq, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = _database.Connect();
        return Task.FromResult(connection.Execute("DELETE FROM outbox WHERE image_id = $image AND seq = $seq", ("$image", imageId), ("$seq", seq)) == 1);
    }

    private static (long? Seq, long? ScannedOn) Latest(SqliteConnection connection, long imageId)
    {
        using var command = connection.Command("SELECT r.seq, r.scanned_on FROM latest_results l JOIN scan_results r ON r.seq = l.seq WHERE l.image_id = $image", ("$image", imageId));
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetInt64(0), reader.GetInt64(1)) : (null, null);
    }

    /// <summary>
    /// Only an image's latest result keeps its attributes (it may have to be posted again); the rest of the history
    /// keeps the summary columns, so the file grows with the number of images rather than of scans.
    /// </summary>
    private static void DropAttributes(SqliteConnection connection, long seq) =>
        connection.Execute("DELETE FROM result_attributes WHERE seq = $seq", ("$seq", seq));

    /// <summary>The outcome of a scan id recorded before, or null; the same id for another image or time is refused.</summary>
    private static RecordOutcome? Existing(SqliteConnection connection, ScanResultRecord result)
    {
        using var command = connection.Command("SELECT seq, image_id, scanned_on FROM scan_results WHERE scan_id = $scan", ("$scan", result.ScanId));
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        if (reader.GetInt64(1) != result.ImageId || reader.GetInt64(2) != UtcTicks.From(result.ScannedOn))
        {
            throw new ArgumentException($"Scan {result.ScanId} was already recorded for image {reader.GetInt64(1)} scanned on {UtcTicks.ToTime(reader.GetInt64(2)):O}; a scan id names one result.", nameof(result));
        }

        return new RecordOutcome(reader.GetInt64(0), RecordDisposition.AlreadyRecorded);
    }

    private static List<StoredResult> ReadResults(SqliteConnection connection, string sql, params (string, object?)[] parameters)
    {
        using var command = connection.Command(sql, parameters);
        using var reader = command.ExecuteReader();
        var results = new List<StoredResult>();
        while (reader.Read())
        {
            results.Add(ReadResult(reader));
        }

        return results;
    }

    private static StoredResult ReadResult(SqliteDataReader reader) => new(
        reader.GetInt64(0),
        new ScanResultRecord
        {
            ImageId = reader.GetInt64(1),
            Digest = reader.NullableString(2),
            ScanId = reader.GetString(3),
            ScannedOn = UtcTicks.ToTime(reader.GetInt64(4)),
            Status = reader.GetString(5),
            ContentFingerprint = reader.GetString(6),
            Attributes = reader.IsDBNull(7) ? [] : ResultJson.ReadAttributes(reader.GetString(7)),
            Artifacts = ResultJson.ReadArtifacts(reader.GetString(8)),
        },
        UtcTicks.ToTime(reader.GetInt64(9)))
    {
        PostedOn = reader.NullableInt64(10) is { } posted ? UtcTicks.ToTime(posted) : null,
    };
}
