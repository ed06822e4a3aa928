namespace ManageIQ.OpenScap.Images.Unpacking;

/// <summary>The limits of one acquisition, shared by all its layers.</summary>
internal sealed class UnpackBudget(UnpackLimits limits)
{
    public UnpackLimits Limits { get; } = limits;

    /// <summary>Uncompressed layer bytes decompressed so far (by one layer's decompression thread at a time).</summary>
    public long Bytes { get; private set; }

    public long Entries { get; private set; }

    /// <summary>Paths the unpacker remembers now (on the tar thread only).</summary>
    public long TrackedPaths { get; private set; }

    /// <summary>Their memory, two bytes a character.</summary>
    public long TrackedPathBytes { get; private set; }

    public void ConsumeBytes(long count)
    {
        Bytes += count;
        if (Bytes > Limits.MaxTotalBytes)
        {
            throw TotalBytesExceeded();
        }
    }

    /// <summary>
    /// Fails before a file of <paramref name="size"/> bytes is written when it cannot fit after the
    /// <paramref name="consumed"/> bytes the tar reader has read (decompression may be a few MiB ahead).
    /// </summary>
    public void EnsureRoomFor(long size, long consumed)
    {
        if (size > Limits.MaxTotalBytes - consumed)
        {
            throw TotalBytesExceeded();
        }
    }

    public void CountEntry()
    {
        if (++Entries > Limits.MaxEntries)
        {
            throw new LayerException(ImageAcquisitionFailure.LimitExceeded,
                $"the image has more than {Limits.MaxEntries} archive entries (limit MaxEntries)");
        }
    }

    /// <summary>Charges one more remembered path; fails when the unpacker would remember too many or too much.</summary>
    public void Track(string path)
    {
        TrackedPaths++;
        TrackedPathBytes += 2L * path.Length;
        if (TrackedPaths > Limits.MaxTrackedPaths)
        {
            throw new LayerException(ImageAcquisitionFailure.LimitExceeded,
                $"unpacking would remember more than {Limits.MaxTrackedPaths} paths at once (limit MaxTrackedPaths)");
        }

        if (TrackedPathBytes > Limits.MaxTrackedPathBytes)
        {
            throw new LayerException(ImageAcquisitionFailure.LimitExceeded,
                $"unpacking would remember more than {Limits.MaxTrackedPathBytes} bytes of paths at once (limit MaxTrackedPathBytes)");
        }
    }

    /// <summary>Gives back what <see cref="Track"/> charged for paths no longer remembered.</summary>
    public void Release(long paths, long bytes)
    {
        TrackedPaths -= paths;
        TrackedPathBytes -= bytes;
    }

    private LayerException TotalBytesExceeded() => new(ImageAcquisitionFailure.LimitExceeded,
        $"the unpacked image exceeds {Limits.MaxTotalBytes} bytes (limit MaxTotalBytes)");
}
