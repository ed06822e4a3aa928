using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using ManageIQ.OpenScap.State.Database;
using ManageIQ.OpenScap.State.History;
using ManageIQ.OpenScap.State.Logging;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace ManageIQ.OpenScap.State.Queue;

/// <summary><see cref="IScanQueue"/> on the state database's <c>scan_queue</c> table.</summary>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "It is the scan queue of issue 12, persisted; not a Queue<T>.")]
public sealed class ScanQueue : IScanQueue
{
    private const string Columns = "id, image_id, provider_id, digest, priority, state, reason, attempts, queued_on, pulling_on, evaluating_on, publishing_on, finished_on";
    private const string InFlight = "('pulling', 'evaluating', 'publishing')";
    private const int MaxReasonLength = 2000;

    private readonly StateDatabase _database;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public ScanQueue(StateDatabase database, TimeProvider time, ILogger<ScanQueue> logger)
    {
        _database = database;
        _time = time;
        _logger = logger;
    }

    public Task<QueuedScan> EnqueueAsync(ScanRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(request.ImageId);
        if (!Enum.IsDefined(request.Priority))
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.Priority, "Unknown scan priority.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        using var connection = _database.Connect();
        using var transaction = WriteTransaction.Begin(connection);
        var id = connection.Int64(
            """
            INSERT INTO scan_queue (image_id, provider_id, digest, priority, state, queued_on) VALUES ($image, $provider, $digest, $priority, 'queued', $now)
            ON CONFLICT (image_id) WHERE state = 'queued' DO UPDATE SET
                priority = min(priority, excluded.priority), digest = excluded.digest, provider_id = excluded.provider_id
            RETURNING id
            """,
            ("$image", request.ImageId), ("$provider", request.ProviderId), ("$digest", request.Digest), ("$priority", (int)request.Priority), ("$now", UtcTicks.From(_time.GetUtcNow())))!.Value;
        var scan = Get(connection, id)!;
        transaction.Commit();
        return Task.FromResult(scan);
    }

    public Task<QueuedScan?> DequeueAsync(ScanLimits limits, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limits.Global);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limits.PerProvider);
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = _database.Connect();
        using var transaction = WriteTransaction.Begin(connection);
        var running = new Dictionary<long, int>();
        using (var command = connection.Command($"SELECT provider_id, count(*) FROM scan_queue WHERE state IN {InFlight} GROUP BY provider_id"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                running[reader.GetInt64(0)] = reader.GetInt32(1);
            }
        }

        if (running.Values.Sum() >= limits.Global)
        {
            return Task.FromResult<QueuedScan?>(null);
        }

        long[] closed = [.. running.Where(p => p.Value >= limits.For(p.Key)).Select(p => p.Key), .. limits.ProviderOverrides.Where(p => p.Value <= 0).Select(p => p.Key)];
        var id = connection.Int64(
            $"""
            SELECT id FROM scan_queue
            WHERE state = 'queued'
              AND provider_id NOT IN (SELECT value FROM json_each($closed))
              AND image_id NOT IN (SELECT image_id FROM scan_queue WHERE state IN {InFlight})
              AND (digest IS NULL OR digest NOT IN (SELECT digest FROM scan_queue WHERE state IN {InFlight} AND digest IS NOT NULL))
            ORDER BY priority, queued_on, id
            LIMIT 1
            """,
            ("$closed", JsonSerializer.Serialize(closed, StateJsonContext.Default.Int64Array)));
        if (id is null)
        {
            return Task.FromResult<QueuedScan?>(null);
        }

        connection.Execute("UPDATE scan_queue SET state = 'pulling', pulling_on = $now, attempts = attempts + 1 WHERE id = $id", ("$now", UtcTicks.From(_time.GetUtcNow())), ("$id", id.Value));
        var scan = Get(connection, id.Value);
        transaction.Commit();
        return Task.FromResult(scan);
    }

    public Task<QueuedScan> AdvanceAsync(long scanId, ScanState target, string? reason = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = _database.Connect();
        using var transaction = WriteTransaction.Begin(connection);
        var scan = Get(connection, scanId) ?? throw new InvalidOperationException($"There is no scan {scanId} in the queue.");
        if (!scan.InFlight || !(target is ScanState.Done or ScanState.Failed || (target > scan.State && target <= ScanState.Publishing)))
        {
            throw new InvalidOperationException($"Scan {scanId} cannot move from {Name(scan.State)} to {Name(target)}.");
        }

        var column = target switch
        {
            ScanState.Pulling => "pulling_on",
            ScanState.Evaluating => "evaluating_on",
            ScanState.Publishing => "publishing_on",
            _ => "finished_on",
        };
        connection.Execute(
            $"UPDATE scan_queue SET state = $state, {column} = $now, reason = $reason WHERE id = $id",
            ("$state", Name(target)), ("$now", UtcTicks.From(_time.GetUtcNow())), ("$reason", Bounded(reason)), ("$id", scanId));
        var advanced = Get(connection, scanId)!;
        transaction.Commit();
        return Task.FromResult(advanced);
    }

    public Task<IReadOnlyList<QueuedScan>> ClaimSharingDigestAsync(long scanId, string digest, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(digest);
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = _database.Connect();
        using var transaction = WriteTransaction.Begin(connection);
        var now = UtcTicks.From(_time.GetUtcNow());
        var ids = new List<long>();
        using (var command = connection.Command(
            $"""
            UPDATE scan_queue SET state = 'publishing', pulling_on = $now, publishing_on = $now, attempts = attempts + 1
            WHERE state = 'queued' AND digest = $digest AND id <> $scan
              AND image_id NOT IN (SELECT image_id FROM scan_queue WHERE state IN {InFlight})
            RETURNING id
            """,
            ("$now", now), ("$digest", digest), ("$scan", scanId)))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                ids.Add(reader.GetInt64(0));
            }
        }

        var claimed = ids.Select(id => Get(connection, id)!).ToList();
        transaction.Commit();
        return Task.FromResult<IReadOnlyList<QueuedScan>>(claimed);
    }

    public Task<RequeueReport> RequeueInFlightAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = _database.Connect();
        using var transaction = WriteTransaction.Begin(connection);
        var dropped = connection.Execute(
            $"""
            UPDATE scan_queue SET state = 'failed', finished_on = $now, reason = 'cut off by a stop; the image was queued again meanwhile'
            WHERE state IN {InFlight} AND image_id IN (SELECT image_id FROM scan_queue WHERE state = 'queued')
            """,
            ("$now", UtcTicks.From(_time.GetUtcNow())));
        var requeued = connection.Execute($"UPDATE scan_queue SET state = 'queued', pulling_on = NULL, evaluating_on = NULL, publishing_on = NULL WHERE state IN {InFlight}");
        transaction.Commit();
        if (requeued + dropped > 0)
        {
            Log.Requeued(_logger, requeued, dropped);
        }

        return Task.FromResult(new RequeueReport(requeued, dropped));
    }

    public Task<bool> DropQueuedAsync(long imageId, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = _database.Connect();
        var id = connection.Int64(
            "UPDATE scan_queue SET state = 'failed', finished_on = $now, reason = $reason WHERE image_id = $image AND state = 'queued' RETURNING id",
            ("$now", UtcTicks.From(_time.GetUtcNow())), ("$reason", Bounded("dropped: " + reason)), ("$image", imageId));
        if (id is { } dropped)
        {
            Log.DroppedScan(_logger, dropped, imageId, reason);
        }

        return Task.FromResult(id is not null);
    }

    public Task<QueuedScan?> GetAsync(long scanId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = _database.Connect();
        return Task.FromResult(Get(connection, scanId));
    }

    public Task<IReadOnlyList<QueuedScan>> ListAsync(ScanState? state, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = _database.Connect();
        using var command = connection.Command(
            $"SELECT {Columns} FROM scan_queue WHERE $state IS NULL OR state = $state ORDER BY id DESC LIMIT $limit",
            ("$state", state is { } s ? Name(s) : null), ("$limit", limit));
        using var reader = command.ExecuteReader();
        var scans = new List<QueuedScan>();
        while (reader.Read())
        {
            scans.Add(Read(reader));
        }

        return Task.FromResult<IReadOnlyList<QueuedScan>>(scans);
    }

    private static QueuedScan? Get(SqliteConnection connection, long id)
    {
        using var command = connection.Command($"SELECT {Columns} FROM scan_queue WHERE id = $id", ("$id", id));
        using var reader = command.ExecuteReader();
        return reader.Read() ? Read(reader) : null;
    }

    private static QueuedScan Read(SqliteDataReader reader) => new()
    {
        Id = reader.GetInt64(0),
        ImageId = reader.GetInt64(1),
        ProviderId = reader.GetInt64(2),
        Digest = reader.NullableString(3),
        Priority = (ScanPriority)reader.GetInt32(4),
        State = Enum.Parse<ScanState>(reader.GetString(5), ignoreCase: true),
        Reason = reader.NullableString(6),
        Attempts = reader.GetInt32(7),
        QueuedOn = UtcTicks.ToTime(reader.GetInt64(8)),
        PullingOn = Time(reader, 9),
        EvaluatingOn = Time(reader, 10),
        PublishingOn = Time(reader, 11),
        FinishedOn = Time(reader, 12),
    };

    private static DateTimeOffset? Time(SqliteDataReader reader, int ordinal) => reader.NullableInt64(ordinal) is { } ticks ? UtcTicks.ToTime(ticks) : null;

    private static string Name(ScanState state) => state.ToString().ToLowerInvariant();

    private static string? Bounded(string? text) => text is { Length: > MaxReasonLength } ? text[..MaxReasonLength] : text;
}
