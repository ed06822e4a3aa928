using System.Globalization;
using k8s.Models;
using ManageIQ.OpenScap.Contracts.Inspector;
using ManageIQ.OpenScap.Kubernetes.Configuration;

namespace ManageIQ.OpenScap.Kubernetes.Pods;

/// <summary>
/// Builds the scanning pod: unprivileged (no hostPath, no Docker socket, no service account token), read-only root,
/// a size-limited emptyDir to unpack into, bounded in time by <c>activeDeadlineSeconds</c>. Its credentials come
/// from its own secret (<see cref="ScanPodSecret"/>), never from values in the spec.
/// </summary>
public static class ScanPodBuilder
{
    public static V1Pod Build(ScanPodSpec spec, ScanPodOptions options, string ownerId)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(options);
        var pod = new V1Pod
        {
            ApiVersion = "v1",
            Kind = "Pod",
            Metadata = new V1ObjectMeta
            {
                Name = spec.Name,
                NamespaceProperty = spec.Namespace,
                Labels = ScanPodMetadata.Labels(ownerId),
                Annotations = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    [ScanPodMetadata.JobIdAnnotation] = spec.JobId,
                    [ScanPodMetadata.ImageAnnotation] = spec.Image,
                    [ScanPodMetadata.DeadlineAnnotation] = spec.Deadline.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
                },
            },
            Spec = new V1PodSpec
            {
                RestartPolicy = "Never",
                ActiveDeadlineSeconds = (long)Math.Ceiling(spec.Timeout.TotalSeconds),
                AutomountServiceAccountToken = false,
                EnableServiceLinks = false,
                HostNetwork = false,
                HostPID = false,
                HostIPC = false,
                SecurityContext = new V1PodSecurityContext
                {
                    RunAsNonRoot = true,
                    RunAsUser = options.RunAsUser,
                    RunAsGroup = options.RunAsUser,
                    FsGroup = options.RunAsUser,
                    SeccompProfile = new V1SeccompProfile { Type = "RuntimeDefault" },
                },
                Containers = [Container(spec, options)],
                Volumes = Volumes(spec, options),
                NodeSelector = options.NodeSelector.Count == 0 ? null : new Dictionary<string, string>(options.NodeSelector, StringComparer.Ordinal),
                Tolerations = options.Tolerations.Count == 0 ? null : [.. options.Tolerations.Select(Toleration)],
            },
        };
        if (spec.ImageId is not null)
        {
            pod.Metadata.Annotations[ScanPodMetadata.ImageIdAnnotation] = spec.ImageId;
        }

        RpmScanSecurity.Apply(pod, spec.RpmScanMode);
        return pod;
    }

    private static V1Container Container(ScanPodSpec spec, ScanPodOptions options) => new()
    {
        Name = ScanPodMetadata.ContainerName,
        Image = options.InspectorImage,
        ImagePullPolicy = options.ImagePullPolicy,
        Args = InspectorArguments.For(spec, options),
        Ports = [new V1ContainerPort { ContainerPort = ScanPodMetadata.InspectorPort, Name = "http", Protocol = "TCP" }],
        Env = Environment(spec, options),
        Resources = new V1ResourceRequirements
        {
            Requests = new Dictionary<string, ResourceQuantity>(StringComparer.Ordinal)
            {
                ["cpu"] = new(options.CpuRequest),
                ["memory"] = new(options.MemoryRequest),
                ["ephemeral-storage"] = EphemeralStorage(options),
            },
            Limits = new Dictionary<string, ResourceQuantity>(StringComparer.Ordinal)
            {
                ["cpu"] = new(options.CpuLimit),
                ["memory"] = new(options.MemoryLimit),
                ["ephemeral-storage"] = EphemeralStorage(options),
            },
        },
        SecurityContext = new V1SecurityContext
        {
            Privileged = false,
            AllowPrivilegeEscalation = false,
            ReadOnlyRootFilesystem = true,
            RunAsNonRoot = true,
            RunAsUser = options.RunAsUser,
            Capabilities = new V1Capabilities { Drop = ["ALL"] },
            SeccompProfile = new V1SeccompProfile { Type = "RuntimeDefault" },
        },
        VolumeMounts = VolumeMounts(spec),
        // The inspector answers /readyz only once the scan is finished: ready means results can be fetched.
        // /readyz is served without the token (it says nothing but "ready"), so the probe carries no secret.
        ReadinessProbe = new V1Probe
        {
            HttpGet = new V1HTTPGetAction
            {
                Path = InspectorPaths.Ready,
                Port = ScanPodMetadata.InspectorPort,
            },
            InitialDelaySeconds = 2,
            PeriodSeconds = 3,
            TimeoutSeconds = 2,
            FailureThreshold = 1,
        },
        TerminationMessagePolicy = "FallbackToLogsOnError",
    };

    private static List<V1EnvVar>? Environment(ScanPodSpec spec, ScanPodOptions options)
    {
        var variables = new List<V1EnvVar>();
        if (spec.AuthToken is not null)
        {
            // As ManageIQ does: a random token per pod, so other pods in the cluster cannot read the results.
            variables.Add(ScanPodSecret.Variable(spec, ScanPodSecret.AuthTokenVariable, ScanPodSecret.AuthTokenKey));
        }

        if (ScanPodSecret.CveUrlHoldsCredentials(spec, options))
        {
            variables.Add(ScanPodSecret.Variable(spec, ScanPodSecret.CveUrlVariable, ScanPodSecret.CveUrlKey));
        }

        // A proxy with a user in it is read from the secret; a plain address stays visible for the operator.
        void Add(string name, string? value, string? key)
        {
            foreach (var variable in new[] { name, name.ToLowerInvariant() })
            {
                if (key is not null && ScanPodSecret.HoldsCredentials(value))
                {
                    variables.Add(ScanPodSecret.Variable(spec, variable, key));
                }
                else if (!string.IsNullOrWhiteSpace(value))
                {
                    variables.Add(new V1EnvVar { Name = variable, Value = value });
                }
            }
        }

        Add("HTTP_PROXY", ScanPodSecret.HttpProxy(spec, options), ScanPodSecret.HttpProxyKey);
        Add("HTTPS_PROXY", ScanPodSecret.HttpsProxy(spec, options), ScanPodSecret.HttpsProxyKey);
        Add("NO_PROXY", ScanPodSecret.NoProxy(spec, options), null);
        return variables.Count == 0 ? null : variables;
    }

    // On tmpfs the scratch is memory, not disk: the node's disk then holds only the container's logs.
    private static ResourceQuantity EphemeralStorage(ScanPodOptions options) =>
        new(options.ScratchMedium == ScanPodOptions.MemoryMedium ? "256Mi" : options.ScratchSizeLimit);

    private static List<V1VolumeMount> VolumeMounts(ScanPodSpec spec)
    {
        var mounts = new List<V1VolumeMount> { new() { MountPath = ScanPodMetadata.ScratchPath, Name = ScanPodMetadata.ScratchVolume } };
        mounts.AddRange(spec.PullSecrets.Select((s, i) => new V1VolumeMount { MountPath = s.MountDirectory, Name = PullSecret.VolumeName(i), ReadOnlyProperty = true }));
        if (spec.Content.Tailoring is not null)
        {
            mounts.Add(new V1VolumeMount { MountPath = ScanPodMetadata.TailoringPath, Name = ScanPodMetadata.TailoringVolume, ReadOnlyProperty = true });
        }

        return mounts;
    }

    private static List<V1Volume> Volumes(ScanPodSpec spec, ScanPodOptions options)
    {
        var volumes = new List<V1Volume>
        {
            new()
            {
                Name = ScanPodMetadata.ScratchVolume,
                EmptyDir = new V1EmptyDirVolumeSource { SizeLimit = new ResourceQuantity(options.ScratchSizeLimit), Medium = options.ScratchMedium.Length == 0 ? null : options.ScratchMedium },
            },
        };
        volumes.AddRange(spec.PullSecrets.Select((s, i) => new V1Volume
        {
            Name = PullSecret.VolumeName(i),
            Secret = new V1SecretVolumeSource
            {
                SecretName = s.Name,
                Items = [new V1KeyToPath { Key = s.Key, Path = s.Key }],
                DefaultMode = 0x120, // 0440: readable by the pod user and its fsGroup, nobody else
            },
        }));
        if (spec.Content.Tailoring is not null)
        {
            volumes.Add(new V1Volume
            {
                Name = ScanPodMetadata.TailoringVolume,
                Secret = new V1SecretVolumeSource
                {
                    SecretName = spec.Name,
                    Items = [new V1KeyToPath { Key = ScanPodSecret.TailoringKey, Path = ScanPodSecret.TailoringKey }],
                    DefaultMode = 0x120, // 0440, as the pull secrets
                },
            });
        }

        return volumes;
    }

    private static V1Toleration Toleration(TolerationOptions toleration) => new()
    {
        Key = toleration.Key,
        OperatorProperty = toleration.Operator,
        Value = toleration.Operator == "Exists" ? null : toleration.Value,
        Effect = string.IsNullOrEmpty(toleration.Effect) ? null : toleration.Effect,
    };
}
