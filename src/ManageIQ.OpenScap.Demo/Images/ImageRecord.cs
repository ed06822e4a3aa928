namespace ManageIQ.OpenScap.Demo.Images;

/// <summary>What <c>image.json</c> keeps of a finished build, so a later run can reuse it.</summary>
public sealed record ImageRecord
{
    public required string Key { get; init; }

    public int Packages { get; init; }

    public string DebianVersion { get; init; } = string.Empty;

    public DateTimeOffset BuiltOn { get; init; }
}
