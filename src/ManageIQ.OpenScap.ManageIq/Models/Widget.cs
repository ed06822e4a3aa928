namespace ManageIQ.OpenScap.ManageIq.Models;

/// <summary>A dashboard widget (<c>/api/widgets</c>, model MiqWidget); its description is unique.</summary>
public sealed record Widget
{
    public long Id { get; init; }

    public Uri? Href { get; init; }

    public string Description { get; init; } = string.Empty;

    public string? Title { get; init; }

    public string? ContentType { get; init; }

    public string? ResourceType { get; init; }

    public long? ResourceId { get; init; }
}
