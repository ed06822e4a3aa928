namespace ManageIQ.OpenScap.Images.Unpacking;

/// <summary>The limits of one acquisition, shared by all its layers.</summary>
internal sealed class UnpackBudget(UnpackLimits limits)
{
    public UnpackLimits Limits { get; } = limits;

    /// <summary>Uncompressed layer bytes decompressed so far (by one layer's decompression thread at a time).</summary>
    public long Bytes { get; private set; }

    public long Entries { get; private set; }

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

    private LayerException TotalBytesExceeded() => new(ImageAcquisitionFailure.LimitExceeded,
        $"the unpacked image exceeds {Limits.MaxTotalBytes} bytes (limit MaxTotalBytes)");
}
