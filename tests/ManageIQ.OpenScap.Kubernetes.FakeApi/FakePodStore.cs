using System.Globalization;
using System.Threading.Channels;
using k8s;
using k8s.Models;

namespace ManageIQ.OpenScap.Kubernetes.FakeApi;

/// <summary>
/// The fake's etcd: pods keyed by namespace and name, one resourceVersion counter, a history of changes that
/// watches replay from a resourceVersion, and live subscribers. Pods are stored as deep copies.
/// </summary>
public sealed class FakePodStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<(string Namespace, string Name), V1Pod> pods = [];
    private readonly List<WatchEvent> history = [];
    private readonly List<Channel<WatchEvent>> subscribers = [];
    private long resourceVersion = 1000;
    private long compactedBefore;
    private int peak;

    /// <summary>The most pods that existed at the same time.</summary>
    public int PeakPodCount
    {
        get
        {
            lock (gate)
            {
                return peak;
            }
        }
    }

    public long CurrentResourceVersion
    {
        get
        {
            lock (gate)
            {
                return resourceVersion;
            }
        }
    }

    /// <summary>Copies of every stored pod.</summary>
    public IReadOnlyList<V1Pod> Pods
    {
        get
        {
            lock (gate)
            {
                return [.. pods.Values.Select(Copy)];
            }
        }
    }

    public void ResetPeak()
    {
        lock (gate)
        {
            peak = pods.Count;
        }
    }

    /// <summary>Forgets the change history: watches from an older resourceVersion get 410 Gone, as after an etcd compaction.</summary>
    public void CompactHistory()
    {
        lock (gate)
        {
            history.Clear();
            compactedBefore = resourceVersion + 1;
        }
    }

    public V1Pod? Get(string ns, string name)
    {
        lock (gate)
        {
            return pods.TryGetValue((ns, name), out var pod) ? Copy(pod) : null;
        }
    }

    /// <summary>Stores a new pod; null when the name is taken.</summary>
    public V1Pod? Add(V1Pod pod)
    {
        lock (gate)
        {
            var key = (pod.Metadata.NamespaceProperty, pod.Metadata.Name);
            if (pods.ContainsKey(key))
            {
                return null;
            }

            pod.Metadata.Uid = Guid.NewGuid().ToString();
            pod.Metadata.CreationTimestamp = DateTime.UtcNow;
            pod.Status = new V1PodStatus { Phase = "Pending" };
            pods[key] = pod;
            peak = Math.Max(peak, pods.Count);
            return Publish("ADDED", pod);
        }
    }

    /// <summary>Changes a stored pod in place; false when it is gone.</summary>
    public bool Update(string ns, string name, Action<V1Pod> change)
    {
        lock (gate)
        {
            if (!pods.TryGetValue((ns, name), out var pod))
            {
                return false;
            }

            change(pod);
            Publish("MODIFIED", pod);
            return true;
        }
    }

    public V1Pod? Remove(string ns, string name)
    {
        lock (gate)
        {
            if (!pods.Remove((ns, name), out var pod))
            {
                return null;
            }

            return Publish("DELETED", pod);
        }
    }

    /// <summary>
    /// Opens a watch: the changes after <paramref name="fromVersion"/> are queued first, then live ones.
    /// Null when that version has been compacted away (410 Gone).
    /// </summary>
    internal Channel<WatchEvent>? Subscribe(long? fromVersion)
    {
        lock (gate)
        {
            if (fromVersion is { } from && from + 1 < compactedBefore)
            {
                return null;
            }

            var channel = Channel.CreateUnbounded<WatchEvent>();
            if (fromVersion is { } since)
            {
                foreach (var change in history.Where(e => e.ResourceVersion > since))
                {
                    channel.Writer.TryWrite(change);
                }
            }
            else
            {
                // No version: the current state as ADDED events, like a real watch without resourceVersion.
                foreach (var pod in pods.Values)
                {
                    channel.Writer.TryWrite(new WatchEvent("ADDED", long.Parse(pod.Metadata.ResourceVersion, CultureInfo.InvariantCulture), Copy(pod)));
                }
            }

            subscribers.Add(channel);
            return channel;
        }
    }

    internal void Unsubscribe(Channel<WatchEvent> channel)
    {
        lock (gate)
        {
            subscribers.Remove(channel);
        }
    }

    private V1Pod Publish(string type, V1Pod pod)
    {
        pod.Metadata.ResourceVersion = (++resourceVersion).ToString(CultureInfo.InvariantCulture);
        var change = new WatchEvent(type, resourceVersion, Copy(pod));
        history.Add(change);
        if (history.Count > 50_000)
        {
            history.RemoveRange(0, 10_000);
            compactedBefore = history[0].ResourceVersion;
        }

        foreach (var subscriber in subscribers)
        {
            subscriber.Writer.TryWrite(change);
        }

        return change.Pod;
    }

    internal static V1Pod Copy(V1Pod pod) => KubernetesJson.Deserialize<V1Pod>(KubernetesJson.Serialize(pod));
}
