namespace ManageIQ.OpenScap.Images.Unpacking;

/// <summary>
/// What one layer unpacked, so its whiteouts and opaque whiteouts remove only lower layers'
/// entries. Every path it remembers is charged to the budget and given back when the layer is done.
/// </summary>
internal sealed class LayerState(UnpackBudget budget) : IDisposable
{
    private readonly HashSet<string> _created = new(StringComparer.Ordinal);
    private readonly HashSet<string> _ancestors = new(StringComparer.Ordinal);
    private readonly List<string> _opaqueDirectories = [];
    private long _paths;
    private long _bytes;

    public IReadOnlyList<string> OpaqueDirectories => _opaqueDirectories;

    public bool Created(string relative) => _created.Contains(relative);

    /// <summary>True when an entry of this layer lies below <paramref name="relative"/>.</summary>
    public bool IsAncestor(string relative) => _ancestors.Contains(relative);

    public void Record(string[] parts)
    {
        Remember(_created, string.Join('/', parts));
        for (var length = parts.Length - 1; length > 0; length--)
        {
            if (!Remember(_ancestors, string.Join('/', parts, 0, length)))
            {
                break;
            }
        }
    }

    public void AddOpaqueDirectory(string relative)
    {
        Charge(relative);
        _opaqueDirectories.Add(relative);
    }

    public void Dispose()
    {
        budget.Release(_paths, _bytes);
        _paths = 0;
        _bytes = 0;
        _created.Clear();
        _ancestors.Clear();
        _opaqueDirectories.Clear();
    }

    private bool Remember(HashSet<string> set, string path)
    {
        if (set.Contains(path))
        {
            return false;
        }

        Charge(path);
        set.Add(path);
        return true;
    }

    private void Charge(string path)
    {
        // Counted before the check, so Dispose gives back exactly what was charged.
        _paths++;
        _bytes += 2L * path.Length;
        budget.Track(path);
    }
}
