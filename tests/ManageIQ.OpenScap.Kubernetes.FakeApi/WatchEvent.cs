namespace ManageIQ.OpenScap.Kubernetes.FakeApi;

/// <summary>One change to a stored pod, numbered by resourceVersion.</summary>
internal sealed record WatchEvent(string Type, long ResourceVersion, k8s.Models.V1Pod Pod);
