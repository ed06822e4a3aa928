using System.Security.Cryptography;

namespace ManageIQ.OpenScap.Images.Unpacking;

/// <summary>
/// The uncompressed side of a layer: charges every byte to the budget, checks the compression
/// ratio against the compressed bytes consumed, and hashes the stream for the diff_id check.
/// </summary>
internal sealed class GuardedLayerStream(Stream decompressed, CountingStream compressed, UnpackBudget budget, IncrementalHash? hash) : ForwardReadStream
{
    public override int Read(Span<byte> buffer)
    {
        var read = decompressed.Read(buffer);
        if (read == 0)
        {
            return 0;
        }

        BytesRead += read;
        budget.ConsumeBytes(read);
        var limits = budget.Limits;
        if (BytesRead > limits.CompressionRatioGraceBytes && BytesRead > limits.MaxCompressionRatio * Math.Max(1, compressed.BytesRead))
        {
            throw new LayerException(ImageAcquisitionFailure.LimitExceeded,
                $"the layer expands more than {limits.MaxCompressionRatio}:1 ({BytesRead} bytes from {compressed.BytesRead}; limit MaxCompressionRatio), a likely decompression bomb");
        }

        hash?.AppendData(buffer[..read]);
        return read;
    }
}
