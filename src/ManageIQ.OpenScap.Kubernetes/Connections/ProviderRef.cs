namespace ManageIQ.OpenScap.Kubernetes.Connections;

/// <summary>A ManageIQ container provider, as the bridge knows it: its id, its name, or both.</summary>
public sealed record ProviderRef(string? Id, string? Name)
{
    public override string ToString() => Id is null ? $"'{Name}'" : $"{Id} ('{Name}')";
}
