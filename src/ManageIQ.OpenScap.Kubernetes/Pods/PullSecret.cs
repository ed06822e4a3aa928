namespace ManageIQ.OpenScap.Kubernetes.Pods;

/// <summary>An image pull secret to mount: its name and the key holding the Docker credentials.</summary>
/// <param name="Name">The secret's name.</param>
/// <param name="Key"><c>.dockercfg</c> or <c>.dockerconfigjson</c>, by the secret's type.</param>
public sealed record PullSecret(string Name, string Key)
{
    public const string DockerCfgKey = ".dockercfg";
    public const string DockerConfigJsonKey = ".dockerconfigjson";

    /// <summary>Where the credentials file appears inside the scanning container.</summary>
    public string MountDirectory => $"{ScanPodMetadata.PullSecretsPath}/{Name}";

    public string FilePath => $"{MountDirectory}/{Key}";

    /// <summary>The pod volume name: secret names may be 253 characters, volume names only 63.</summary>
    public static string VolumeName(int index) => $"pull-secret-{index}";
}
