namespace ManageIQ.OpenScap.State.Database;

/// <summary>
/// The schema's history, oldest first. A released migration is never edited: a change is a new entry, so every
/// database, whatever version wrote it, reaches the same schema. Times are UTC ticks (100 ns since 0001-01-01).
/// </summary>
internal static class Migrations
{
    /// <summary>
    /// Scan history (<c>seq</c> never reused, so it orders results recorded in the same instant), the attributes of
    /// the results that keep them (a table of their own, so dropping them frees whole pages and the history rows
    /// stay small), the latest result per image, and the outbox: at most one waiting result per image.
    /// </summary>
    private const string ResultsAndOutbox = """
        CREATE TABLE scan_results (
            seq         INTEGER PRIMARY KEY AUTOINCREMENT,
            image_id    INTEGER NOT NULL,
            digest      TEXT,
            scan_id     TEXT    NOT NULL UNIQUE,
            scanned_on  INTEGER NOT NULL,
            status      TEXT    NOT NULL,
            content     TEXT    NOT NULL,
            artifacts   TEXT    NOT NULL,
            recorded_on INTEGER NOT NULL,
            posted_on   INTEGER
        );
        CREATE INDEX scan_results_by_image ON scan_results (image_id, scanned_on, seq);
        CREATE INDEX scan_results_by_scanned_on ON scan_results (scanned_on);
        CREATE TABLE result_attributes (
            seq        INTEGER PRIMARY KEY REFERENCES scan_results (seq) ON DELETE CASCADE,
            attributes TEXT    NOT NULL
        );
        CREATE TABLE latest_results (
            image_id INTEGER PRIMARY KEY,
            seq      INTEGER NOT NULL REFERENCES scan_results (seq)
        );
        CREATE TABLE outbox (
            image_id        INTEGER PRIMARY KEY,
            seq             INTEGER NOT NULL REFERENCES scan_results (seq),
            enqueued_on     INTEGER NOT NULL,
            attempts        INTEGER NOT NULL DEFAULT 0,
            next_attempt_on INTEGER NOT NULL,
            last_error      TEXT
        );
        CREATE INDEX outbox_due ON outbox (next_attempt_on);
        """;

    /// <summary>
    /// The persisted scan queue: one waiting scan per image at most, in-flight states counted per provider,
    /// and a timestamp per state reached.
    /// </summary>
    private const string ScanQueue = """
        CREATE TABLE scan_queue (
            id            INTEGER PRIMARY KEY AUTOINCREMENT,
            image_id      INTEGER NOT NULL,
            provider_id   INTEGER NOT NULL,
            digest        TEXT,
            priority      INTEGER NOT NULL,
            state         TEXT    NOT NULL CHECK (state IN ('queued', 'pulling', 'evaluating', 'publishing', 'done', 'failed')),
            reason        TEXT,
            attempts      INTEGER NOT NULL DEFAULT 0,
            queued_on     INTEGER NOT NULL,
            pulling_on    INTEGER,
            evaluating_on INTEGER,
            publishing_on INTEGER,
            finished_on   INTEGER
        );
        CREATE UNIQUE INDEX scan_queue_one_waiting ON scan_queue (image_id) WHERE state = 'queued';
        CREATE INDEX scan_queue_next ON scan_queue (priority, queued_on, id) WHERE state = 'queued';
        CREATE INDEX scan_queue_in_flight ON scan_queue (provider_id) WHERE state IN ('pulling', 'evaluating', 'publishing');
        CREATE INDEX scan_queue_finished ON scan_queue (finished_on) WHERE finished_on IS NOT NULL;
        """;

    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "scan history, latest results and the outbox", ResultsAndOutbox),
        new(2, "the scan queue", ScanQueue),
    ];

    public static int Latest => All[^1].Version;
}
