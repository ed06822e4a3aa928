using System.Text.Json;
using ManageIQ.OpenScap.Kubernetes.FakeApi;

namespace ManageIQ.OpenScap.Kubernetes.Benchmarks;

/// <summary>
/// The child process: the fake API server and the fake inspector, driven by one-line commands on stdin
/// (<c>stats</c>, <c>reset</c>, <c>faults</c>, <c>calm</c>, <c>quit</c>), answering one JSON line each.
/// </summary>
internal static class FakeClusterProcess
{
    public static async Task<int> ServeAsync(TextReader input, TextWriter output)
    {
        await using var api = await FakeKubernetesApiServer.StartAsync();
        await using var inspector = await FakeInspectorServer.StartAsync();
        api.ProxyTarget = _ => inspector.BaseUri;
        api.AddServiceAccount("management-infra", "inspector-admin", ("inspector-admin-dockercfg", "kubernetes.io/dockercfg"));
        await output.WriteLineAsync(api.BaseUri.ToString());
        await output.FlushAsync();
        while (await input.ReadLineAsync() is { } command && command != "quit")
        {
            switch (command)
            {
                case "reset":
                    api.ResetCounters();
                    break;
                case "faults":
                    // One pod in ten cannot succeed, every delete in twenty fails, every watch is cut after 2 events.
                    api.Faults.BehaviorFor = pod => (Math.Abs(pod.Metadata.Name.GetHashCode(StringComparison.Ordinal)) % 20) switch
                    {
                        0 => PodBehavior.ImagePullBackOff,
                        1 => PodBehavior.OomKilled,
                        _ => PodBehavior.BecomesReady,
                    };
                    api.Faults.FailNextDeletes(10);
                    api.Faults.DisconnectWatchesAfterEvents = 2;
                    break;
                case "calm":
                    api.Faults.BehaviorFor = _ => PodBehavior.BecomesReady;
                    api.Faults.DisconnectWatchesAfterEvents = 0;
                    break;
                default:
                    break;
            }

            var stats = new FakeClusterStats(api.RequestCount, api.RequestsByKind, api.Pods.PeakPodCount, api.Pods.Pods.Count);
            await output.WriteLineAsync(JsonSerializer.Serialize(stats));
            await output.FlushAsync();
        }

        return 0;
    }
}
