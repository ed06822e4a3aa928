using ManageIQ.OpenScap.Analysis;
using Microsoft.Extensions.Logging;

namespace ManageIQ.OpenScap.Service.Logging;

/// <summary>The service's log messages (event ids 8000-8099).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 8000, Level = LogLevel.Information, Message = "Discovery: {Providers} providers, {Images} images listed, {Queued} queued, {Skipped} unchanged or known, {Excluded} excluded, {Dropped} waiting scans dropped")]
    public static partial void Discovered(ILogger logger, int providers, int images, int queued, int skipped, int excluded, int dropped);

    [LoggerMessage(EventId = 8001, Level = LogLevel.Warning, Message = "Discovery failed; the next one tries again: {Reason}")]
    public static partial void DiscoveryFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 8002, Level = LogLevel.Information, Message = "Dropped the waiting scan of container image {ImageId}: {Reason}")]
    public static partial void DroppedWaiting(ILogger logger, long imageId, string reason);

    [LoggerMessage(EventId = 8003, Level = LogLevel.Information, Message = "Full scan of provider {ProviderId}: {Images} images listed, {Queued} queued, {Skipped} unchanged")]
    public static partial void FullScanQueued(ILogger logger, long providerId, int images, int queued, int skipped);

    [LoggerMessage(EventId = 8004, Level = LogLevel.Warning, Message = "Full scan of provider {ProviderId} failed; its next firing tries again: {Reason}")]
    public static partial void FullScanFailed(ILogger logger, long providerId, string reason);

    [LoggerMessage(EventId = 8005, Level = LogLevel.Information, Message = "Recovered the last results of {Count} images of provider {ProviderId} from their ManageIQ attributes")]
    public static partial void Recovered(ILogger logger, long providerId, int count);

    [LoggerMessage(EventId = 8006, Level = LogLevel.Warning, Message = "Could not recover the last results of provider {ProviderId} from ManageIQ; its unknown images are scanned: {Reason}")]
    public static partial void RecoveryFailed(ILogger logger, long providerId, string reason);

    [LoggerMessage(EventId = 8007, Level = LogLevel.Warning, Message = "The CVE feed {Feed} could not be revalidated; its last version is assumed: {Reason}")]
    public static partial void FeedVersionUnavailable(ILogger logger, string feed, string reason);

    [LoggerMessage(EventId = 8010, Level = LogLevel.Information, Message = "Scan {QueuedScanId} of container image {ImageId} (provider {ProviderId}) starts on the {Backend} backend as {ScanId}")]
    public static partial void ScanStarted(ILogger logger, long queuedScanId, long imageId, long providerId, string backend, string scanId);

    [LoggerMessage(EventId = 8011, Level = LogLevel.Information, Message = "Scan {QueuedScanId} of container image {ImageId} finished: {Status}")]
    public static partial void ScanFinished(ILogger logger, long queuedScanId, long imageId, AnalysisStatus status);

    [LoggerMessage(EventId = 8012, Level = LogLevel.Information, Message = "Scan {QueuedScanId} of container image {ImageId} shares the digest of scan {SourceScanId}: its result is published without a scan of its own")]
    public static partial void SharedDigest(ILogger logger, long queuedScanId, long imageId, long sourceScanId);

    [LoggerMessage(EventId = 8013, Level = LogLevel.Error, Message = "A dispatcher iteration failed; it goes on: {Reason}")]
    public static partial void DispatchFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 8014, Level = LogLevel.Warning, Message = "Scanning paused: {Waiting} results wait in the outbox, the bound is {Max} (Bridge:BackPressure:MaxWaiting)")]
    public static partial void BackPressurePaused(ILogger logger, int waiting, int max);

    [LoggerMessage(EventId = 8015, Level = LogLevel.Information, Message = "Scanning resumed: {Waiting} results wait in the outbox")]
    public static partial void BackPressureResumed(ILogger logger, int waiting);

    [LoggerMessage(EventId = 8016, Level = LogLevel.Warning, Message = "Scan {QueuedScanId} of container image {ImageId} was cut off by the stop; the next start queues it again")]
    public static partial void ScanCutOff(ILogger logger, long queuedScanId, long imageId);

    [LoggerMessage(EventId = 8017, Level = LogLevel.Warning, Message = "Scan {QueuedScanId}: ManageIQ did not answer for container image {ImageId}, so it is scanned from the last listing and its result waits in the outbox: {Reason}")]
    public static partial void ScanningFromListing(ILogger logger, long queuedScanId, long imageId, string reason);

    [LoggerMessage(EventId = 8018, Level = LogLevel.Information, Message = "Scan {QueuedScanId} of container image {ImageId} not run: {Reason}")]
    public static partial void NotScanned(ILogger logger, long queuedScanId, long imageId, string reason);

    [LoggerMessage(EventId = 8019, Level = LogLevel.Error, Message = "Scan {QueuedScanId} of container image {ImageId} failed unexpectedly: {Reason}")]
    public static partial void ScanCrashed(ILogger logger, long queuedScanId, long imageId, string reason);

    [LoggerMessage(EventId = 8020, Level = LogLevel.Information, Message = "Scan {QueuedScanId} of container image {ImageId} requested")]
    public static partial void ScanRequested(ILogger logger, long queuedScanId, long imageId);

    [LoggerMessage(EventId = 8021, Level = LogLevel.Information, Message = "Outbox: {Delivered} results posted, {Waiting} still waiting")]
    public static partial void OutboxDelivered(ILogger logger, int delivered, int waiting);

    [LoggerMessage(EventId = 8022, Level = LogLevel.Warning, Message = "An outbox delivery pass failed; the next one tries again: {Reason}")]
    public static partial void OutboxFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 8030, Level = LogLevel.Information, Message = "The service waits for {Gate} before it starts its work")]
    public static partial void WaitingForGate(ILogger logger, string gate);

    [LoggerMessage(EventId = 8031, Level = LogLevel.Information, Message = "The service started: discovery, schedules and dispatch run")]
    public static partial void ServiceStarted(ILogger logger);

    [LoggerMessage(EventId = 8035, Level = LogLevel.Warning, Message = "A start gate closed (e.g. the lease was lost): the service's work stopped and the application stops")]
    public static partial void GateClosed(ILogger logger);

    [LoggerMessage(EventId = 8036, Level = LogLevel.Critical, Message = "The service refuses to start: {Reason}")]
    public static partial void StartRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 8037, Level = LogLevel.Warning, Message = "ManageIQ does not answer; the start-up probe is tried again in {Delay:0} s (Bridge:Startup:ProbeRetryDelay): {Reason}")]
    public static partial void ProbeRetrying(ILogger logger, double delay, string reason);

    [LoggerMessage(EventId = 8038, Level = LogLevel.Information, Message = "Replica {Identity} waits for the single-active guard")]
    public static partial void WaitingForLease(ILogger logger, string identity);

    [LoggerMessage(EventId = 8039, Level = LogLevel.Information, Message = "This replica is the active bridge: {Resource} held by {Identity}")]
    public static partial void LeaseHeld(ILogger logger, string resource, string identity);

    [LoggerMessage(EventId = 8040, Level = LogLevel.Warning, Message = "The single-active guard {Resource} was lost: new work stops at once")]
    public static partial void LeaseLost(ILogger logger, string resource);

    [LoggerMessage(EventId = 8032, Level = LogLevel.Information, Message = "Scheduled {Job} every {Interval}")]
    public static partial void Scheduled(ILogger logger, string job, TimeSpan interval);

    [LoggerMessage(EventId = 8034, Level = LogLevel.Information, Message = "Scheduled the full scan of provider {ProviderId}: {Cron} in {TimeZone}")]
    public static partial void FullScanScheduled(ILogger logger, long providerId, string cron, string timeZone);

    [LoggerMessage(EventId = 8033, Level = LogLevel.Information, Message = "Stopping: {InFlight} scans in flight get {Grace:0} s to finish (Bridge:Shutdown:Grace)")]
    public static partial void Stopping(ILogger logger, int inFlight, double grace);

    [LoggerMessage(EventId = 8041, Level = LogLevel.Error, Message = "Looking at the waivers failed; the next look tries again: {Reason}")]
    public static partial void WaiverWatchFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 8042, Level = LogLevel.Information, Message = "Asked ManageIQ to check the compliance of image {ImageId} (provider {ProviderId} has the bridge's profile): task {TaskId}")]
    public static partial void ComplianceCheckRequested(ILogger logger, long imageId, long providerId, long? taskId);

    [LoggerMessage(EventId = 8043, Level = LogLevel.Warning, Message = "ManageIQ's compliance check of image {ImageId} (provider {ProviderId}) failed; its result stays posted: {Reason}")]
    public static partial void ComplianceCheckFailed(ILogger logger, long imageId, long providerId, string reason);
}
