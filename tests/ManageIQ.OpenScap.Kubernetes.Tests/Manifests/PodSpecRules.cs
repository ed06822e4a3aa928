namespace ManageIQ.OpenScap.Kubernetes.Tests.Manifests;

/// <summary>
/// The rules every pod this project runs must keep: no privilege, no host paths or Docker socket, non-root,
/// limits on every container, and the rest of Pod Security "restricted". Returns what is broken, by name.
/// </summary>
internal static class PodSpecRules
{
    /// <summary>The pod spec inside a workload object (Pod, Deployment, Job, CronJob, ...), or null.</summary>
    public static object? PodSpecOf(object document) => YamlNode.Text(document, "kind") switch
    {
        "Pod" => YamlNode.At(document, "spec"),
        "CronJob" => YamlNode.At(document, "spec", "jobTemplate", "spec", "template", "spec"),
        "Deployment" or "StatefulSet" or "DaemonSet" or "ReplicaSet" or "Job" => YamlNode.At(document, "spec", "template", "spec"),
        _ => null,
    };

    public static IReadOnlyList<string> Violations(string name, object podSpec)
    {
        var problems = new List<string>();
        foreach (var hostFlag in new[] { "hostNetwork", "hostPID", "hostIPC" })
        {
            if (YamlNode.IsTrue(podSpec, hostFlag))
            {
                problems.Add($"{name}: {hostFlag} is true");
            }
        }

        foreach (var volume in YamlNode.Items(podSpec, "volumes"))
        {
            if (YamlNode.At(volume, "hostPath") is not null)
            {
                problems.Add($"{name}: volume {YamlNode.Text(volume, "name")} is a hostPath");
            }
        }

        if (YamlNode.Scalars(podSpec).Any(s => s.Contains("docker.sock", StringComparison.Ordinal) || s.Contains("containerd.sock", StringComparison.Ordinal) || s.Contains("crio.sock", StringComparison.Ordinal)))
        {
            problems.Add($"{name}: mentions a container runtime socket");
        }

        var podNonRoot = YamlNode.IsTrue(podSpec, "securityContext", "runAsNonRoot");
        var podSeccomp = YamlNode.Text(podSpec, "securityContext", "seccompProfile", "type");
        var containers = YamlNode.Items(podSpec, "containers").Concat(YamlNode.Items(podSpec, "initContainers")).ToList();
        if (containers.Count == 0)
        {
            problems.Add($"{name}: no containers");
        }

        foreach (var container in containers)
        {
            var where = $"{name}/{YamlNode.Text(container, "name")}";
            if (YamlNode.IsTrue(container, "securityContext", "privileged"))
            {
                problems.Add($"{where}: privileged");
            }

            if (!podNonRoot && !YamlNode.IsTrue(container, "securityContext", "runAsNonRoot"))
            {
                problems.Add($"{where}: runAsNonRoot is not true");
            }

            if (YamlNode.Text(container, "securityContext", "allowPrivilegeEscalation") != "false" && YamlNode.Text(container, "securityContext", "allowPrivilegeEscalation") != "False")
            {
                problems.Add($"{where}: allowPrivilegeEscalation is not false");
            }

            if (!YamlNode.Items(container, "securityContext", "capabilities", "drop").Select(c => c.ToString()).Contains("ALL"))
            {
                problems.Add($"{where}: capabilities do not drop ALL");
            }

            if (YamlNode.Items(container, "securityContext", "capabilities", "add").Any())
            {
                problems.Add($"{where}: adds capabilities");
            }

            if ((YamlNode.Text(container, "securityContext", "seccompProfile", "type") ?? podSeccomp) is not ("RuntimeDefault" or "Localhost"))
            {
                problems.Add($"{where}: no RuntimeDefault seccomp profile");
            }

            if (YamlNode.At(container, "resources", "limits", "cpu") is null || YamlNode.At(container, "resources", "limits", "memory") is null)
            {
                problems.Add($"{where}: no cpu and memory limits");
            }
        }

        return problems;
    }
}
