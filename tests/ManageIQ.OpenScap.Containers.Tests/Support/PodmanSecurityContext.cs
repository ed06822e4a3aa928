using System.Globalization;
using k8s.Models;

namespace ManageIQ.OpenScap.Containers.Tests.Support;

/// <summary>
/// The <c>podman run</c> flags that enforce a pod's security context on its one container, read from the V1Pod the
/// pod builder makes (never a second copy of its values). Every field that matters for security is either mapped
/// or refused here, so a new field in the builder cannot pass unnoticed.
/// </summary>
public static class PodmanSecurityContext
{
    /// <param name="pod">The pod spec (a Pod's, or a Deployment's template).</param>
    /// <param name="hostDirectories">Host directories bind-mounted for the volumes that are not emptyDirs, by volume name.</param>
    public static IReadOnlyList<string> Arguments(V1PodSpec pod, IReadOnlyDictionary<string, string>? hostDirectories = null)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var container = pod.Containers.Single();
        var podContext = pod.SecurityContext ?? new V1PodSecurityContext();
        var context = container.SecurityContext ?? new V1SecurityContext();
        var arguments = new List<string>();

        var user = context.RunAsUser ?? podContext.RunAsUser;
        var group = context.RunAsGroup ?? podContext.RunAsGroup ?? 0;
        if ((context.RunAsNonRoot ?? podContext.RunAsNonRoot) == true)
        {
            // The kubelet refuses to start a non-root pod without a numeric non-zero user; podman has no such check.
            Assert.That(user, Is.Not.Null.And.Not.Zero, "runAsNonRoot without a numeric non-root runAsUser");
        }

        if (user is not null)
        {
            arguments.Add(Invariant($"--user={user}:{group}"));
        }

        if (podContext.FsGroup is { } fsGroup)
        {
            arguments.Add(Invariant($"--group-add={fsGroup}"));
        }

        Assert.That(context.Privileged, Is.Not.True, "privileged");
        if (context.ReadOnlyRootFilesystem == true)
        {
            // podman would otherwise mount writable tmpfs on /tmp, /var/tmp and /run: Kubernetes does not.
            arguments.AddRange(["--read-only", "--read-only-tmpfs=false"]);
        }

        arguments.AddRange((context.Capabilities?.Drop ?? []).Select(c => "--cap-drop=" + c));
        arguments.AddRange((context.Capabilities?.Add ?? []).Select(c => "--cap-add=" + c));
        if (context.AllowPrivilegeEscalation == false)
        {
            arguments.Add("--security-opt=no-new-privileges");
        }

        // RuntimeDefault is podman's default seccomp profile; anything else would need mapping.
        Assert.That((context.SeccompProfile ?? podContext.SeccompProfile)?.Type ?? "RuntimeDefault", Is.EqualTo("RuntimeDefault"), "seccomp profile");
        arguments.AddRange(Mounts(pod, container, hostDirectories ?? new Dictionary<string, string>()));
        return arguments;
    }

    /// <summary>
    /// Each emptyDir as a tmpfs of its size limit, writable by the pod's user as the kubelet makes it; any other volume
    /// as a bind mount of the host directory given for it, read-only when the mount is.
    /// </summary>
    private static IEnumerable<string> Mounts(V1PodSpec pod, V1Container container, IReadOnlyDictionary<string, string> hostDirectories)
    {
        foreach (var mount in container.VolumeMounts ?? [])
        {
            var volume = pod.Volumes.Single(v => v.Name == mount.Name);
            if (volume.EmptyDir is null)
            {
                Assert.That(hostDirectories.ContainsKey(volume.Name), Is.True, $"volume {volume.Name}: no host directory given");
                yield return $"--mount=type=bind,source={hostDirectories[volume.Name]},destination={mount.MountPath}" + (mount.ReadOnlyProperty == true ? ",ro=true" : string.Empty);
                continue;
            }

            var size = volume.EmptyDir.SizeLimit?.ToInt64() ?? throw new AssertionException($"emptyDir {volume.Name} has no size limit");
            // podman gives a tmpfs the mode of the image's directory it covers (the inspector's /scan is 0770 root)
            // where the kubelet's emptyDir is 0777 and group-owned by the fsGroup: U=true gives it to the pod's user.
            yield return Invariant($"--mount=type=tmpfs,destination={mount.MountPath},tmpfs-size={size},tmpfs-mode=0777,U=true");
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
