namespace ManageIQ.OpenScap.Images;

/// <summary>An OS/architecture[/variant] pair used to pick one manifest out of an index.</summary>
public sealed record ImagePlatform(string Os, string Architecture, string? Variant = null)
{
    public static ImagePlatform LinuxAmd64 { get; } = new("linux", "amd64");

    /// <summary>Parses <c>linux/amd64</c> or <c>linux/arm64/v8</c>.</summary>
    /// <exception cref="FormatException">Not os/arch[/variant].</exception>
    public static ImagePlatform Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var parts = text.Trim().Split('/');
        if (parts.Length is < 2 or > 3 || parts.Any(string.IsNullOrWhiteSpace))
        {
            throw new FormatException($"Invalid platform '{text}': expected os/architecture[/variant], e.g. linux/amd64.");
        }

        return new ImagePlatform(parts[0].ToLowerInvariant(), parts[1].ToLowerInvariant(), parts.Length == 3 ? parts[2].ToLowerInvariant() : null);
    }

    public override string ToString() => Os + "/" + Architecture + (Variant is null ? string.Empty : "/" + Variant);
}
