namespace ManageIQ.OpenScap.ManageIq.Models;

/// <summary>ManageIQ's action result: <c>success</c>, <c>message</c>, and a task for queued work.</summary>
public sealed record ActionResult
{
    public bool Success { get; init; }

    public string? Message { get; init; }

    public Uri? Href { get; init; }

    public long? TaskId { get; init; }

    public Uri? TaskHref { get; init; }
}
