namespace ManageIQ.OpenScap.Kubernetes.Configuration;

/// <summary>A toleration copied onto the scanning pod.</summary>
public sealed class TolerationOptions
{
    public string? Key { get; set; }

    /// <summary><c>Equal</c> or <c>Exists</c>.</summary>
    public string Operator { get; set; } = "Equal";

    public string? Value { get; set; }

    /// <summary><c>NoSchedule</c>, <c>PreferNoSchedule</c>, <c>NoExecute</c>, or empty for all.</summary>
    public string? Effect { get; set; }
}
