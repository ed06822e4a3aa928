using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using k8s.Models;

namespace ManageIQ.OpenScap.Kubernetes.FakeApi;

/// <summary>
/// Runs a scanning pod's container as the real inspector process (<c>dotnet ManageIQ.OpenScap.Inspector.dll</c>) with
/// the pod's own arguments and environment. What a pod has and a test process lacks is mapped: the scratch volume is a
/// directory per pod, a secret volume is its items written to a directory per pod (from <see cref="Secrets"/>), each
/// mount path in the arguments is replaced by its directory, <c>--serve</c> listens on 127.0.0.1 on a free port, and
/// <see cref="Environment"/> is added (the content search directories of the test machine, for instance).
/// </summary>
public sealed partial class InspectorProcessRuntime(string inspectorAssembly, string scratchRoot, string scratchMountPath) : IFakeContainerRuntime, IAsyncDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);
    private readonly ConcurrentDictionary<string, Process> processes = new(StringComparer.Ordinal);

    /// <summary>Environment variables every container gets besides the pod's.</summary>
    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    /// <summary>The secrets a pod's secret volumes are made from, by namespace and name (the fake API's).</summary>
    public Func<string, string, V1Secret?> Secrets { get; set; } = (_, _) => null;

    /// <summary>The arguments each pod's container was started with, as the pod spec gave them.</summary>
    public ConcurrentQueue<IReadOnlyList<string>> StartedWith { get; } = new();

    /// <summary>Everything the containers wrote to stderr, for failure messages.</summary>
    public ConcurrentQueue<string> Output { get; } = new();

    public async Task<Uri> StartAsync(V1Pod pod, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var container = pod.Spec.Containers[0];
        var arguments = container.Args ?? [];
        StartedWith.Enqueue([.. arguments]);
        var scratch = Directory.CreateDirectory(Path.Combine(scratchRoot, pod.Metadata.Name)).FullName;
        var mounts = new List<(string MountPath, string Directory)> { (scratchMountPath, scratch) };
        mounts.AddRange(SecretMounts(pod, container, scratch));
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(inspectorAssembly);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument.StartsWith("--serve=", StringComparison.Ordinal) ? "--serve=127.0.0.1:0" : Mapped(argument, mounts));
        }

        foreach (var variable in container.Env ?? [])
        {
            start.Environment[variable.Name] = variable.Value;
        }

        foreach (var (name, value) in Environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        processes[pod.Metadata.Uid] = process;
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                listening.TrySetException(new InvalidOperationException("The inspector exited before it listened: " + string.Join(" | ", Output)));
                return;
            }

            Output.Enqueue(e.Data);
            if (ServingLine().Match(e.Data) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups[1].Value + "/"));
            }
        };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Output.Enqueue(e.Data);
            }
        };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return await listening.Task.WaitAsync(StartLimit, cancellationToken);
    }

    /// <summary>Each secret volume the container mounts, written out as the kubelet would (a missing secret fails the pod).</summary>
    private List<(string MountPath, string Directory)> SecretMounts(V1Pod pod, V1Container container, string scratch)
    {
        var mounts = new List<(string, string)>();
        foreach (var mount in container.VolumeMounts ?? [])
        {
            if (pod.Spec.Volumes?.FirstOrDefault(v => v.Name == mount.Name)?.Secret is not { } source)
            {
                continue;
            }

            var secret = Secrets(pod.Metadata.NamespaceProperty, source.SecretName)
                ?? throw new InvalidOperationException($"MountVolume.SetUp failed for volume \"{mount.Name}\": secret \"{source.SecretName}\" not found");
            var directory = Directory.CreateDirectory(Path.Combine(scratch + ".volumes", mount.Name)).FullName;
            foreach (var item in source.Items ?? [.. (secret.Data ?? new Dictionary<string, byte[]>()).Keys.Select(k => new V1KeyToPath { Key = k, Path = k })])
            {
                var data = secret.Data?.TryGetValue(item.Key, out var bytes) == true ? bytes
                    : throw new InvalidOperationException($"MountVolume.SetUp failed for volume \"{mount.Name}\": secret \"{source.SecretName}\" has no key \"{item.Key}\"");
                File.WriteAllBytes(Path.Combine(directory, item.Path), data);
            }

            mounts.Add((mount.MountPath, directory));
        }

        return mounts;
    }

    private static string Mapped(string argument, List<(string MountPath, string Directory)> mounts)
    {
        foreach (var (mountPath, directory) in mounts)
        {
            argument = argument.Replace("=" + mountPath, "=" + directory, StringComparison.Ordinal);
        }

        return argument;
    }

    public async Task StopAsync(V1Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        if (processes.TryRemove(pod.Metadata.Uid, out var process))
        {
            await StopAsync(process);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var uid in processes.Keys)
        {
            if (processes.TryRemove(uid, out var process))
            {
                await StopAsync(process);
            }
        }
    }

    private static async Task StopAsync(Process process)
    {
        using (process)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            using var bounded = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await process.WaitForExitAsync(bounded.Token);
        }
    }

    [GeneratedRegex(@"^Serving on (http://[^/\s]+)")]
    private static partial Regex ServingLine();
}
