namespace ManageIQ.OpenScap.Scanner.Content;

/// <summary>The content for a distribution, or why there is none.</summary>
public sealed record ScapContentResolution
{
    public ScapContentSelection? Selection { get; init; }

    /// <summary>Set when there is no content: <c>no SCAP content for ID VERSION</c>, with the reason.</summary>
    public string? Missing { get; init; }

    public static ScapContentResolution Found(ScapContentSelection selection) => new() { Selection = selection };

    public static ScapContentResolution None(string message) => new() { Missing = message };
}
