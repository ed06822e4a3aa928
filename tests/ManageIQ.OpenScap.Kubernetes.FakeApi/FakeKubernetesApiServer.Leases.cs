using System.Collections.Concurrent;
using System.Globalization;
using k8s;
using k8s.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ManageIQ.OpenScap.Kubernetes.FakeApi;

/// <summary>
/// coordination.k8s.io/v1 Leases: get, create (409 when it exists) and replace, which answers 409 when the
/// resourceVersion sent is not the stored one, as the API server's optimistic concurrency does.
/// </summary>
public sealed partial class FakeKubernetesApiServer
{
    private const string LeasesPath = "/apis/coordination.k8s.io/v1/namespaces/{ns}/leases";
    private readonly Lock leaseGate = new();
    private long leaseVersion;
    private int leaseRequestCount;

    /// <summary>Leases by namespace and name; a test may read them, remove one, or put one in place.</summary>
    public ConcurrentDictionary<(string Namespace, string Name), V1Lease> Leases { get; } = new();

    /// <summary>Every request to a Lease path, those failed or stalled by <see cref="Faults"/> included.</summary>
    public int LeaseRequestCount => Volatile.Read(ref leaseRequestCount);

    /// <summary>The holder the stored Lease names, or null when there is no Lease or no holder.</summary>
    public string? LeaseHolder(string ns, string name) =>
        Leases.TryGetValue((ns, name), out var lease) && !string.IsNullOrEmpty(lease.Spec?.HolderIdentity) ? lease.Spec.HolderIdentity : null;

    private void MapLeases()
    {
        app.MapGet(LeasesPath + "/{name}", (HttpContext c, string ns, string name) =>
        {
            Count("get lease");
            return Leases.TryGetValue((ns, name), out var lease) ? WriteAsync(c, 200, lease) : NotFoundAsync(c, "leases.coordination.k8s.io", name);
        });
        app.MapPost(LeasesPath, CreateLeaseAsync);
        app.MapPut(LeasesPath + "/{name}", ReplaceLeaseAsync);
    }

    private async Task CountLeaseRequestsAsync(HttpContext context, RequestDelegate next)
    {
        if (context.Request.Path.StartsWithSegments("/apis/coordination.k8s.io", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref leaseRequestCount);
            if (BearerOf(context) is { } bearer)
            {
                leaseRequestsByBearer.AddOrUpdate(bearer, 1, (_, n) => n + 1);
            }
        }

        await next(context);
    }

    private async Task CreateLeaseAsync(HttpContext context, string ns)
    {
        Count("create lease");
        var lease = KubernetesJson.Deserialize<V1Lease>(await ReadBodyAsync(context));
        if (lease?.Metadata?.Name is null)
        {
            await WriteStatusAsync(context, 422, "Invalid", "lease needs metadata.name");
            return;
        }

        lock (leaseGate)
        {
            if (Leases.ContainsKey((ns, lease.Metadata.Name)))
            {
                lease = null;
            }
            else
            {
                lease.Metadata.NamespaceProperty = ns;
                lease.Metadata.Uid = Guid.NewGuid().ToString();
                lease.Metadata.CreationTimestamp = DateTime.UtcNow;
                lease.Metadata.ResourceVersion = NextLeaseVersion();
                Leases[(ns, lease.Metadata.Name)] = lease;
            }
        }

        if (lease is null)
        {
            await WriteStatusAsync(context, 409, "AlreadyExists", "leases.coordination.k8s.io already exists");
            return;
        }

        RecordLeaseWrite(context, lease);
        await WriteAsync(context, 201, lease);
    }

    private async Task ReplaceLeaseAsync(HttpContext context, string ns, string name)
    {
        Count("replace lease");
        var lease = KubernetesJson.Deserialize<V1Lease>(await ReadBodyAsync(context));
        if (lease?.Metadata is null || lease.Metadata.Name != name)
        {
            await WriteStatusAsync(context, 400, "BadRequest", $"the name of the object ({lease?.Metadata?.Name}) does not match the name on the URL ({name})");
            return;
        }

        string? problem;
        lock (leaseGate)
        {
            if (!Leases.TryGetValue((ns, name), out var stored))
            {
                problem = "not found";
            }
            else
            {
                if (Faults.TakeLeaseRace())
                {
                    // Another writer got in between this client's read and its write.
                    stored.Metadata.ResourceVersion = NextLeaseVersion();
                }

                var sent = lease.Metadata.ResourceVersion;
                if (!string.IsNullOrEmpty(sent) && sent != stored.Metadata.ResourceVersion)
                {
                    problem = "conflict";
                }
                else
                {
                    problem = null;
                    lease.Metadata.NamespaceProperty = ns;
                    lease.Metadata.Uid = stored.Metadata.Uid;
                    lease.Metadata.CreationTimestamp = stored.Metadata.CreationTimestamp;
                    lease.Metadata.ResourceVersion = NextLeaseVersion();
                    Leases[(ns, name)] = lease;
                }
            }
        }

        switch (problem)
        {
            case "not found":
                await NotFoundAsync(context, "leases.coordination.k8s.io", name);
                break;
            case "conflict":
                Count("lease conflict");
                await WriteStatusAsync(context, 409, "Conflict", $"Operation cannot be fulfilled on leases.coordination.k8s.io \"{name}\": the object has been modified; please apply your changes to the latest version and try again");
                break;
            default:
                RecordLeaseWrite(context, lease);
                await WriteAsync(context, 200, lease);
                break;
        }
    }

    private string NextLeaseVersion() => Interlocked.Increment(ref leaseVersion).ToString(CultureInfo.InvariantCulture);
}
