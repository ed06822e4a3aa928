using System.Runtime.Versioning;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace ManageIQ.OpenScap.Images.Unpacking;

/// <summary>
/// The unpacked tree seen through a handle on its root. Names are relative to the root and made
/// only of directories already found to be real (not links), and the last component is never
/// followed, so no lookup can leave the root. Lookups are cached (up to a bound) since link
/// targets share their directories.
/// </summary>
[UnsupportedOSPlatform("windows")]
internal sealed class RootTree : IDisposable
{
    private const int MaxCachedNodes = 256 * 1024;
    private readonly Dictionary<string, TreeNode> _cache = new(StringComparer.Ordinal);

    public RootTree(string root)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        Handle = NativeMethods.OpenDirectory(Path.GetFullPath(root));
    }

    /// <summary>The handle on the root directory.</summary>
    public SafeFileHandle Handle { get; }

    /// <summary>What <paramref name="relative"/> is (by lstat) and, for a link, its target.</summary>
    public TreeNode Lookup(string relative)
    {
        if (relative.Length == 0)
        {
            return new TreeNode(EntryKind.Directory, null);
        }

        if (_cache.TryGetValue(relative, out var cached))
        {
            return cached;
        }

        var status = NativeMethods.StatNoFollow(Handle, relative);
        var node = status switch
        {
            null => TreeNode.Missing,
            { Kind: EntryKind.SymbolicLink } => new TreeNode(EntryKind.SymbolicLink, ReadLinkTarget(relative)),
            { Kind: var kind } => new TreeNode(kind, null),
        };

        // A missing name is not kept: there can be far more of those than names in the tree.
        if (node.Kind != EntryKind.None && _cache.Count < MaxCachedNodes)
        {
            _cache[relative] = node;
        }

        return node;
    }

    /// <summary>Records that the link at <paramref name="relative"/> now holds <paramref name="target"/>.</summary>
    public void LinkRewritten(string relative, string target)
    {
        if (_cache.ContainsKey(relative))
        {
            _cache[relative] = new TreeNode(EntryKind.SymbolicLink, target);
        }
    }

    public void Dispose() => Handle.Dispose();

    private string ReadLinkTarget(string relative)
    {
        var bytes = NativeMethods.ReadLink(Handle, relative);
        try
        {
            return DirectoryListing.StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            throw new LayerException(ImageAcquisitionFailure.UnsafeLayer, $"the target of symbolic link '/{relative}' is not valid UTF-8", ex);
        }
    }
}
