using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using ManageIQ.OpenScap.Kubernetes.Connections;

namespace ManageIQ.OpenScap.Kubernetes.Leadership;

/// <summary>
/// The three Lease calls the guard makes (get, create, replace), each bounded by <paramref name="deadline"/>
/// (<c>Bridge:Leadership:RenewDeadline</c>) on the guard's clock as well as by the caller's token.
/// </summary>
internal sealed class LeaseApi(IKubernetes client, LeaseTarget target, TimeSpan deadline, TimeProvider time)
{
    private const string DeadlineKey = "Bridge:Leadership:RenewDeadline";

    public LeaseTarget Target { get; } = target;

    /// <summary>The Lease, or null when it does not exist.</summary>
    public Task<V1Lease?> ReadAsync(CancellationToken cancellationToken) => CallAsync("GET", async token =>
    {
        try
        {
            return await client.CoordinationV1.ReadNamespacedLeaseAsync(Target.Name, Target.Namespace, cancellationToken: token).ConfigureAwait(false);
        }
        catch (HttpOperationException ex) when (ex.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }, cancellationToken);

    /// <summary>The created Lease, or null when one was created meanwhile (409).</summary>
    public Task<V1Lease?> CreateAsync(V1LeaseSpec spec, CancellationToken cancellationToken) => CallAsync("POST", async token =>
    {
        var lease = new V1Lease
        {
            ApiVersion = "coordination.k8s.io/v1",
            Kind = "Lease",
            Metadata = new V1ObjectMeta
            {
                Name = Target.Name,
                NamespaceProperty = Target.Namespace,
                Labels = new Dictionary<string, string> { ["app.kubernetes.io/part-of"] = "manageiq-openscap" },
            },
            Spec = spec,
        };
        try
        {
            return await client.CoordinationV1.CreateNamespacedLeaseAsync(lease, Target.Namespace, cancellationToken: token).ConfigureAwait(false);
        }
        catch (HttpOperationException ex) when (ex.Response.StatusCode == HttpStatusCode.Conflict)
        {
            return null;
        }
    }, cancellationToken);

    /// <summary>
    /// The replaced Lease, or null when it changed since <paramref name="lease"/> was read (its resourceVersion no
    /// longer matches: 409) or was deleted meanwhile (404).
    /// </summary>
    public Task<V1Lease?> ReplaceAsync(V1Lease lease, CancellationToken cancellationToken) => CallAsync("PUT", async token =>
    {
        try
        {
            return await client.CoordinationV1.ReplaceNamespacedLeaseAsync(lease, Target.Name, Target.Namespace, cancellationToken: token).ConfigureAwait(false);
        }
        catch (HttpOperationException ex) when (ex.Response.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.NotFound)
        {
            return null;
        }
    }, cancellationToken);

    private async Task<V1Lease?> CallAsync(string method, Func<CancellationToken, Task<V1Lease?>> call, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(deadline, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await call(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new KubernetesCallTimeoutException($"{method} {Target} did not complete within {deadline} ({DeadlineKey}).", ex);
        }
    }
}
