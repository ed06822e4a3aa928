using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace ManageIQ.OpenScap.Kubernetes.FakeApi;

/// <summary>
/// A pod created or deleted (<see cref="Verb"/> <c>create</c> or <c>delete</c>) through the API: by whom (the caller's
/// bearer token, null without one, so each client of a test can tell itself apart) and the holders every stored Lease
/// named at that moment.
/// </summary>
public sealed record FakePodCall(string Verb, string Namespace, string Name, string Uid, string? Bearer, IReadOnlyList<string> LeaseHolders, DateTimeOffset At);

/// <summary>A Lease written (created or replaced): the holder it names from then on, by whom, and when.</summary>
public sealed record FakeLeaseWrite(string Namespace, string Name, string? Holder, string? Bearer, DateTimeOffset At);

/// <summary>Who called: the bearer token of each request, recorded for pod creates and deletes and for Lease writes.</summary>
public sealed partial class FakeKubernetesApiServer
{
    private readonly ConcurrentDictionary<string, int> leaseRequestsByBearer = new(StringComparer.Ordinal);

    /// <summary>Every pod created or deleted, in order, with its caller.</summary>
    public ConcurrentQueue<FakePodCall> PodCalls { get; } = new();

    /// <summary>Every Lease create or replace that was stored, in order, with its caller.</summary>
    public ConcurrentQueue<FakeLeaseWrite> LeaseWrites { get; } = new();

    /// <summary>Requests to a Lease path carrying this bearer token (failed, stalled and cut-off ones included).</summary>
    public int LeaseRequestsBy(string bearer) => leaseRequestsByBearer.GetValueOrDefault(bearer);

    /// <summary>The bearer token of the request, or null.</summary>
    internal static string? BearerOf(HttpContext context)
    {
        const string prefix = "Bearer ";
        var header = context.Request.Headers.Authorization.FirstOrDefault();
        return header is not null && header.StartsWith(prefix, StringComparison.Ordinal) ? header[prefix.Length..].Trim() : null;
    }

    private void RecordPodCall(HttpContext context, string verb, k8s.Models.V1Pod pod) =>
        PodCalls.Enqueue(new FakePodCall(
            verb,
            pod.Metadata.NamespaceProperty,
            pod.Metadata.Name,
            pod.Metadata.Uid,
            BearerOf(context),
            [.. Leases.Values.Select(l => l.Spec?.HolderIdentity).OfType<string>().Where(h => h.Length > 0)],
            DateTimeOffset.UtcNow));

    private void RecordLeaseWrite(HttpContext context, k8s.Models.V1Lease lease) =>
        LeaseWrites.Enqueue(new FakeLeaseWrite(lease.Metadata.NamespaceProperty, lease.Metadata.Name, lease.Spec?.HolderIdentity, BearerOf(context), DateTimeOffset.UtcNow));
}
