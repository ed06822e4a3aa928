using System.Diagnostics;
using System.Text.Json;
using ManageIQ.OpenScap.State.Configuration;
using ManageIQ.OpenScap.State.Database;
using ManageIQ.OpenScap.State.Logging;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.State.History;

/// <summary>
/// Applies the history retention (<c>Bridge:History</c>): results past the age limit or beyond the per-image
/// count go, except each image's latest result and any result still waiting in the outbox; finished scans of
/// the queue past the age limit go too. Deletes run in short transactions and are bounded per compaction, then
/// a bounded <c>incremental_vacuum</c> returns free pages and the WAL is checkpointed.
/// </summary>
public sealed class HistoryCompactor
{
    private const int BatchSize = 1000;

    private const string ExpiredResults = """
        SELECT seq FROM (
            SELECT seq, scanned_on, row_number() OVER (PARTITION BY image_id ORDER BY scanned_on DESC, seq DESC) AS newest
            FROM scan_results)
        WHERE (scanned_on < $cutoff OR newest > $keep)
          AND seq NOT IN (SELECT seq FROM latest_results)
          AND seq NOT IN (SELECT seq FROM outbox)
        LIMIT $limit
        """;

    private readonly StateDatabase _database;
    private readonly HistoryRetentionOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public HistoryCompactor(StateDatabase database, IOptions<StateStoreOptions> options, TimeProvider time, ILogger<HistoryCompactor> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _database = database;
        _options = options.Value.History;
        _time = time;
        _logger = logger;
    }

    public Task<CompactionReport> CompactAsync(CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var cutoff = UtcTicks.From(_time.GetUtcNow() - _options.MaxAge);
        using var connection = _database.Connect();
        var candidates = Select(connection, ExpiredResults, ("$cutoff", cutoff), ("$keep", _options.MaxPerImage), ("$limit", _options.MaxDeletesPerCompaction + 1));
        var more = candidates.Count > _options.MaxDeletesPerCompaction;
        var results = DeleteInBatches(connection, "scan_results", "seq", candidates.Take(_options.MaxDeletesPerCompaction).ToList(), cancellationToken);

        var room = _options.MaxDeletesPerCompaction - results;
        var finished = room <= 0 ? [] : Select(connection, "SELECT id FROM scan_queue WHERE finished_on < $cutoff ORDER BY finished_on LIMIT $limit", ("$cutoff", cutoff), ("$limit", room + 1));
        more |= finished.Count > room;
        var scans = DeleteInBatches(connection, "scan_queue", "id", finished.Take(Math.Max(room, 0)).ToList(), cancellationToken);

        var freeBefore = connection.Int64("PRAGMA freelist_count") ?? 0;
        connection.Execute($"PRAGMA incremental_vacuum({_options.MaxVacuumPagesPerCompaction})");
        var freed = freeBefore - (connection.Int64("PRAGMA freelist_count") ?? 0);
        connection.Execute("PRAGMA wal_checkpoint(TRUNCATE)");

        var elapsedMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        Log.Compacted(_logger, results, scans, freed, elapsedMs);

        // "More" only when this one made progress, so a caller looping on it cannot spin.
        return Task.FromResult(new CompactionReport(results, scans, freed, more && results + scans > 0));
    }

    private static List<long> Select(SqliteConnection connection, string sql, params (string, object?)[] parameters)
    {
        using var command = connection.Command(sql, parameters);
        using var reader = command.ExecuteReader();
        var ids = new List<long>();
        while (reader.Read())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    /// <summary>Short write transactions, so a compaction never holds the write lock for long.</summary>
    private static int DeleteInBatches(SqliteConnection connection, string table, string key, List<long> ids, CancellationToken cancellationToken)
    {
        var deleted = 0;
        foreach (var batch in ids.Chunk(BatchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var transaction = WriteTransaction.Begin(connection);

            // The outbox and latest results are checked again inside the transaction: a result may have become latest since the selection.
            var guard = table == "scan_results" ? " AND seq NOT IN (SELECT seq FROM latest_results) AND seq NOT IN (SELECT seq FROM outbox)" : string.Empty;
            deleted += connection.Execute($"DELETE FROM {table} WHERE {key} IN (SELECT value FROM json_each($ids)){guard}", ("$ids", JsonSerializer.Serialize(batch, StateJsonContext.Default.Int64Array)));
            transaction.Commit();
        }

        return deleted;
    }
}
