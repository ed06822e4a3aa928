using System.Runtime.Versioning;
using Microsoft.Win32.SafeHandles;

namespace ManageIQ.OpenScap.Images.Unpacking;

/// <summary>
/// Makes every symbolic link of an unpacked root lead inside it, for readers that do not chroot
/// (oscap under OSCAP_PROBE_ROOT opens ROOT/path, and the kernel resolves an absolute or
/// <c>..</c>-heavy target against the host's root). Each link's target is replaced by the
/// equivalent path resolved chroot-style (<see cref="ChrootLinkResolver"/>), written relative
/// and clamped at the root; a loop points at itself. It needs no privilege: directories are
/// walked by handle, links are read and replaced (symlinkat + renameat) in their directory, and
/// nothing outside the root is ever looked at.
/// </summary>
[UnsupportedOSPlatform("windows")]
internal sealed class SymbolicLinkConfiner
{
    private const string TemporaryPrefix = ".miq-confined-link-";
    private const int MaxTemporaryAttempts = 100;
    private readonly RootTree _tree;
    private readonly ChrootLinkResolver _resolver;
    private readonly UnpackLimits _limits;
    private bool _keepOwners;
    private long _links;
    private long _rewritten;
    private long _dangling;
    private long _loops;

    private SymbolicLinkConfiner(RootTree tree, UnpackLimits limits, bool keepOwners)
    {
        _tree = tree;
        _limits = limits;
        _keepOwners = keepOwners;
        _resolver = new ChrootLinkResolver(tree, limits.MaxSymbolicLinkLookups);
    }

    /// <summary>
    /// Rewrites the links below <paramref name="root"/>. Run it before directory modes are applied
    /// (an unprivileged process needs to write the directories); <paramref name="keepOwners"/>
    /// gives each new link the old one's owner.
    /// </summary>
    /// <exception cref="LayerException">A limit was exceeded, or a name is not UTF-8.</exception>
    /// <exception cref="IOException">A system call failed.</exception>
    public static LinkConfinementReport Confine(string root, UnpackLimits limits, bool keepOwners, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limits);
        using var tree = new RootTree(root);
        var confiner = new SymbolicLinkConfiner(tree, limits, keepOwners);
        confiner.Walk(cancellationToken);
        return new LinkConfinementReport(confiner._links, confiner._rewritten, confiner._dangling, confiner._loops, confiner._resolver.Lookups);
    }

    private void Walk(CancellationToken cancellationToken)
    {
        var pending = new Stack<string>();
        pending.Push(string.Empty);
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var directory = pending.Pop();
            using var handle = NativeMethods.OpenDirectoryAt(_tree.Handle, directory.Length == 0 ? "." : directory);
            // The whole listing first: the directory changes as its links are replaced.
            foreach (var (name, kind) in DirectoryListing.Read(handle, directory))
            {
                var path = RootRelativePath.Join(directory, name);
                if (kind == EntryKind.Directory)
                {
                    pending.Push(path);
                }
                else if (kind == EntryKind.SymbolicLink)
                {
                    Confine(handle, path, name);
                }
            }
        }
    }

    private void Confine(SafeFileHandle directory, string path, string name)
    {
        if (++_links > _limits.MaxSymbolicLinks)
        {
            throw new LayerException(ImageAcquisitionFailure.LimitExceeded,
                $"the image has more than {_limits.MaxSymbolicLinks} symbolic links (limit MaxSymbolicLinks)");
        }

        var node = _tree.Lookup(path);
        if (node.Kind != EntryKind.SymbolicLink)
        {
            return;
        }

        var resolution = _resolver.Resolve(path, node.LinkTarget!);
        var target = ConfinedLinkTarget.For(path, resolution);
        if (target != node.LinkTarget)
        {
            if (!Replace(directory, name, target))
            {
                // The confined path is longer than a link can hold: a loop is confined too.
                resolution = LinkResolution.Loop;
                target = name;
                Replace(directory, name, target);
            }

            _tree.LinkRewritten(path, target);
            _rewritten++;
        }

        if (resolution.IsLoop)
        {
            _loops++;
        }
        else if (resolution.Kind == LinkResolutionKind.Dangling)
        {
            _dangling++;
        }
    }

    /// <summary>Puts a new link with <paramref name="target"/> in place of <paramref name="name"/>, atomically; false when the target is too long.</summary>
    private bool Replace(SafeFileHandle directory, string name, string target)
    {
        var status = NativeMethods.StatNoFollow(directory, name) ?? throw NativeMethods.Failure("examining", name, NativeMethods.NotFound);
        var temporary = CreateTemporary(directory, target, out var errno);
        if (temporary is null)
        {
            return errno == NativeMethods.NameTooLong ? false : throw NativeMethods.Failure("creating symbolic link in place of", name, errno);
        }

        try
        {
            if (_keepOwners && !NativeMethods.ChangeLinkOwner(directory, temporary, status.Uid, status.Gid))
            {
                // Root in a user namespace cannot give away unmapped ids: stop trying.
                _keepOwners = false;
            }

            NativeMethods.SetLinkTime(directory, temporary, status.Modified);
            NativeMethods.ReplaceAt(directory, temporary, name);
        }
        catch
        {
            NativeMethods.TryRemoveAt(directory, temporary);
            throw;
        }

        return true;
    }

    private static string? CreateTemporary(SafeFileHandle directory, string target, out int errno)
    {
        errno = 0;
        for (var attempt = 0; attempt < MaxTemporaryAttempts; attempt++)
        {
            var temporary = TemporaryPrefix + attempt.ToString(System.Globalization.CultureInfo.InvariantCulture);
            errno = NativeMethods.CreateSymbolicLinkAt(directory, temporary, target);
            if (errno == 0)
            {
                return temporary;
            }

            if (errno != NativeMethods.FileExists)
            {
                return null;
            }
        }

        return null;
    }
}
