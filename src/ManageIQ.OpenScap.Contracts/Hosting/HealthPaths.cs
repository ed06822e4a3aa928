namespace ManageIQ.OpenScap.Contracts.Hosting;

/// <summary>The probe paths every long-running process of the project serves (the inspector, <c>bridge serve</c>), as the manifests' probes name them.</summary>
public static class HealthPaths
{
    /// <summary>200 while the process serves requests: the liveness and startup probes.</summary>
    public const string Liveness = "/healthz";

    /// <summary>200 when the process may take work, 503 before: the readiness probe.</summary>
    public const string Readiness = "/readyz";
}
