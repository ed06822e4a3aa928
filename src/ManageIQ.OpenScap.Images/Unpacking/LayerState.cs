namespace ManageIQ.OpenScap.Images.Unpacking;

/// <summary>What one layer unpacked, so its opaque whiteouts remove only lower layers' entries.</summary>
internal sealed class LayerState
{
    public HashSet<string> Created { get; } = new(StringComparer.Ordinal);

    /// <summary>Directories above an entry of this layer.</summary>
    public HashSet<string> Ancestors { get; } = new(StringComparer.Ordinal);

    public List<string> OpaqueDirectories { get; } = [];

    public void Record(string[] parts)
    {
        Created.Add(string.Join('/', parts));
        for (var length = parts.Length - 1; length > 0; length--)
        {
            if (!Ancestors.Add(string.Join('/', parts, 0, length)))
            {
                break;
            }
        }
    }
}
