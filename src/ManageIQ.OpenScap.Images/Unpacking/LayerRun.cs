namespace ManageIQ.OpenScap.Images.Unpacking;

/// <summary>The stages of the layer being unpacked, and the budget's bytes before it.</summary>
internal sealed record LayerRun(ReadAheadStream Pipe, FileDataWriters Writers, long BytesBefore)
{
    /// <summary>Uncompressed bytes the tar reader has read, over all layers so far.</summary>
    public long BytesConsumed => BytesBefore + Pipe.BytesRead;
}
