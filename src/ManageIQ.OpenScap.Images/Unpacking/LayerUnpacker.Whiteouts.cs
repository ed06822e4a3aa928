using System.Runtime.Versioning;

namespace ManageIQ.OpenScap.Images.Unpacking;

/// <summary>OCI whiteouts: <c>.wh.NAME</c> and opaque <c>.wh..wh..opq</c>.</summary>
[UnsupportedOSPlatform("windows")]
internal sealed partial class LayerUnpacker
{
    private void ApplyWhiteout(string parentRelative, string leaf, LayerState layer)
    {
        if (leaf == OpaqueWhiteout)
        {
            layer.AddOpaqueDirectory(parentRelative);
            return;
        }

        var victim = leaf[WhiteoutPrefix.Length..];
        if (victim.Length == 0 || victim == "." || victim == ".." || victim.StartsWith(WhiteoutPrefix, StringComparison.Ordinal))
        {
            // .wh..wh.* are aufs bookkeeping entries, not whiteouts.
            return;
        }

        var victimRelative = parentRelative.Length == 0 ? victim : parentRelative + "/" + victim;
        if (layer.Created(victimRelative))
        {
            return;
        }

        var parent = ResolveInRoot(parentRelative);
        var path = parent + "/" + victim;
        var kind = Probe(path);
        if (kind != EntryKind.None)
        {
            Remove(path, kind);
        }
    }
    private void ApplyOpaqueWhiteouts(LayerState layer)
    {
        foreach (var relative in layer.OpaqueDirectories)
        {
            var directory = ResolveInRoot(relative);
            if (Probe(directory) == EntryKind.Directory)
            {
                ClearLowerEntries(directory, relative, layer);
            }
        }
    }
    private void ClearLowerEntries(string directory, string relative, LayerState layer)
    {
        foreach (var child in Directory.EnumerateFileSystemEntries(directory))
        {
            var name = Path.GetFileName(child);
            var childRelative = relative.Length == 0 ? name : relative + "/" + name;
            var kind = Probe(child);
            if (layer.Created(childRelative) || layer.IsAncestor(childRelative))
            {
                if (kind == EntryKind.Directory)
                {
                    ClearLowerEntries(child, childRelative, layer);
                }

                continue;
            }

            Remove(child, kind);
        }
    }
}
