using ManageIQ.OpenScap.Kubernetes.Cleanup;
using ManageIQ.OpenScap.Kubernetes.Scanning;
using Microsoft.Extensions.Logging;

namespace ManageIQ.OpenScap.Kubernetes;

/// <summary>The Kubernetes area's log messages (event ids 5000-5099).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 5000, Level = LogLevel.Information, Message = "Created scanning pod {Namespace}/{Pod} on cluster {Cluster} for job {JobId}")]
    public static partial void PodCreated(ILogger logger, string cluster, string @namespace, string pod, string jobId);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Collected results from pod {Pod} for job {JobId} (OpenSCAP status {OpenScapStatus})")]
    public static partial void ScanCollected(ILogger logger, string pod, string jobId, string openScapStatus);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "Scan in pod {Pod} for job {JobId} failed ({Failure}): {Reason}")]
    public static partial void ScanFailed(ILogger logger, string pod, string jobId, ScanPodFailure failure, string reason);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Information, Message = "Deleted scanning pod {Pod} of job {JobId}: {Outcome}")]
    public static partial void PodDeleted(ILogger logger, string pod, string jobId, PodDeleteOutcome outcome);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Warning, Message = "Deleting scanning pod {Pod} of job {JobId} on cluster {Cluster} failed (attempt {Attempt}); the orphan sweep retries it")]
    public static partial void DeleteFailed(ILogger logger, string cluster, string pod, string jobId, int attempt, Exception exception);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Information, Message = "Watch on scanning pod {Pod} interrupted (failure {Failures}): {Reason}; reconnecting")]
    public static partial void WatchReconnecting(ILogger logger, string pod, int failures, string reason);

    [LoggerMessage(EventId = 5010, Level = LogLevel.Warning, Message = "Service account {Namespace}/{ServiceAccount} does not exist on cluster {Cluster}: scanning pods get no registry pull secrets")]
    public static partial void PullSecretsAccountMissing(ILogger logger, string cluster, string @namespace, string serviceAccount);

    [LoggerMessage(EventId = 5011, Level = LogLevel.Warning, Message = "Pull secret {Secret} on cluster {Cluster} is not usable ({Detail}); skipped")]
    public static partial void PullSecretUnusable(ILogger logger, string cluster, string secret, string detail);

    [LoggerMessage(EventId = 5020, Level = LogLevel.Information, Message = "Orphan sweep: {Examined} pods examined, {Deleted} deleted, {Kept} kept, {Failed} failures, {Pending} deletes pending")]
    public static partial void SweepFinished(ILogger logger, int examined, int deleted, int kept, int failed, int pending);

    [LoggerMessage(EventId = 5021, Level = LogLevel.Information, Message = "Orphan sweep on cluster {Cluster}: pod {Pod} of job {JobId} removed because {Reason} ({Outcome})")]
    public static partial void SweptPod(ILogger logger, string cluster, string pod, string jobId, string reason, PodDeleteOutcome outcome);

    [LoggerMessage(EventId = 5022, Level = LogLevel.Warning, Message = "Orphan sweep could not list pods in {Namespace} on cluster {Cluster}")]
    public static partial void SweepListFailed(ILogger logger, string cluster, string @namespace, Exception exception);

    [LoggerMessage(EventId = 5023, Level = LogLevel.Error, Message = "Orphan sweep failed; the next one runs on schedule")]
    public static partial void SweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5030, Level = LogLevel.Information, Message = "Cluster {Cluster} is plain Kubernetes: image {Digest} not annotated (OpenShift Image objects only)")]
    public static partial void AnnotationSkipped(ILogger logger, string cluster, string digest);

    [LoggerMessage(EventId = 5031, Level = LogLevel.Information, Message = "Annotated image {Digest} on cluster {Cluster}: policy {Policy}, compliant {Compliant}")]
    public static partial void ImageAnnotated(ILogger logger, string cluster, string digest, string policy, bool compliant);

    [LoggerMessage(EventId = 5032, Level = LogLevel.Warning, Message = "Cluster {Cluster} has no Image {Digest}: nothing annotated")]
    public static partial void AnnotationImageMissing(ILogger logger, string cluster, string digest);

    [LoggerMessage(EventId = 5033, Level = LogLevel.Information, Message = "Image {Digest} of provider {ProviderId} not annotated: no configured cluster serves the provider")]
    public static partial void EnforcementNoCluster(ILogger logger, string digest, string providerId);

    [LoggerMessage(EventId = 5034, Level = LogLevel.Warning, Message = "Annotating image {Digest} of provider {ProviderId} failed; the next result tries again: {Reason}")]
    public static partial void EnforcementFailed(ILogger logger, string digest, string providerId, string reason);

    [LoggerMessage(EventId = 5040, Level = LogLevel.Warning, Message = "Kubernetes configuration: {Warning}")]
    public static partial void ConfigurationWarning(ILogger logger, string warning);

    [LoggerMessage(EventId = 5041, Level = LogLevel.Error, Message = "Gave up deleting scanning pod {Pod} of job {JobId} on cluster {Cluster} after {Attempts} attempts ({Status}); delete it by hand, it is listed among the failed deletions")]
    public static partial void DeleteGivenUp(ILogger logger, string cluster, string pod, string jobId, int attempts, string status, Exception exception);

    [LoggerMessage(EventId = 5042, Level = LogLevel.Information, Message = "Watch on scanning pod {Pod} went silent ({Detail}); reading the pod afresh")]
    public static partial void WatchSilent(ILogger logger, string pod, string detail);

    [LoggerMessage(EventId = 5043, Level = LogLevel.Warning, Message = "Could not make pod {Pod} the owner of its secret on cluster {Cluster}; the secret is still deleted with the pod and by the orphan sweep")]
    public static partial void SecretOwnerNotSet(ILogger logger, string cluster, string pod, Exception exception);

    [LoggerMessage(EventId = 5044, Level = LogLevel.Information, Message = "Deleted the secret of scanning pod {Pod} of job {JobId}: {Outcome}")]
    public static partial void SecretDeleted(ILogger logger, string pod, string jobId, PodDeleteOutcome outcome);

    [LoggerMessage(EventId = 5045, Level = LogLevel.Warning, Message = "Deleting the secret of scanning pod {Pod} of job {JobId} on cluster {Cluster} failed; the orphan sweep removes it")]
    public static partial void SecretDeleteFailed(ILogger logger, string cluster, string pod, string jobId, Exception exception);

    [LoggerMessage(EventId = 5046, Level = LogLevel.Information, Message = "Orphan sweep on cluster {Cluster}: secret {Secret} of job {JobId} removed because {Reason} ({Outcome})")]
    public static partial void SweptSecret(ILogger logger, string cluster, string secret, string jobId, string reason, PodDeleteOutcome outcome);

    [LoggerMessage(EventId = 5047, Level = LogLevel.Warning, Message = "Orphan sweep could not list or delete secrets in {Namespace} on cluster {Cluster}")]
    public static partial void SweepSecretsFailed(ILogger logger, string cluster, string @namespace, Exception exception);

    [LoggerMessage(EventId = 5050, Level = LogLevel.Information, Message = "{Lease} is held by {Holder}; {Identity} waits to take it over")]
    public static partial void LeaseWaiting(ILogger logger, string lease, string holder, string identity);

    [LoggerMessage(EventId = 5051, Level = LogLevel.Information, Message = "{Identity} acquired {Lease}: this replica is the active bridge")]
    public static partial void LeaseAcquired(ILogger logger, string lease, string identity);

    [LoggerMessage(EventId = 5052, Message = "Could not read or write {Lease} (failure {Failures} in a row); trying again every {RetryPeriod}")]
    public static partial void LeaseTryFailed(ILogger logger, LogLevel level, string lease, int failures, TimeSpan retryPeriod, Exception exception);

    [LoggerMessage(EventId = 5054, Level = LogLevel.Error, Message = "{Identity} lost {Lease}: {Reason}; its active work stops now")]
    public static partial void LeaseLost(ILogger logger, string lease, string identity, string reason);

    [LoggerMessage(EventId = 5055, Level = LogLevel.Information, Message = "{Identity} released {Lease}; a waiting replica takes it over on its next try")]
    public static partial void LeaseReleased(ILogger logger, string lease, string identity);

    [LoggerMessage(EventId = 5056, Level = LogLevel.Warning, Message = "{Identity} could not release {Lease}; another replica takes it over once it expires ({LeaseDuration})")]
    public static partial void LeaseReleaseFailed(ILogger logger, string lease, string identity, TimeSpan leaseDuration, Exception exception);

    [LoggerMessage(EventId = 5057, Level = LogLevel.Debug, Message = "{Lease} changed between its read and its write (409 Conflict); reading it again")]
    public static partial void LeaseConflict(ILogger logger, string lease);

    [LoggerMessage(EventId = 5058, Level = LogLevel.Information, Message = "Single-active guard: {Lease} as {Identity} (Bridge:Leadership:Mode {Mode}; lease duration {LeaseDuration}, renew deadline {RenewDeadline}, retry period {RetryPeriod})")]
    public static partial void LeaseGuardConfigured(ILogger logger, Leadership.LeaseTarget lease, string identity, ManageIQ.OpenScap.Contracts.Leadership.LeadershipMode mode, TimeSpan leaseDuration, TimeSpan renewDeadline, TimeSpan retryPeriod);
}
