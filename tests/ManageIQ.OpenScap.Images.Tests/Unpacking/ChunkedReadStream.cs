using ManageIQ.OpenScap.Images.Unpacking;

namespace ManageIQ.OpenScap.Images.Tests.Unpacking;

/// <summary>A forward-only view of a byte array that hands out at most <c>chunk</c> bytes a read, like a pipe would.</summary>
internal sealed class ChunkedReadStream(byte[] content, int chunk) : ForwardReadStream
{
    public override int Read(Span<byte> buffer)
    {
        var count = (int)Math.Min(Math.Min(buffer.Length, chunk), content.Length - BytesRead);
        content.AsSpan((int)BytesRead, count).CopyTo(buffer);
        BytesRead += count;
        return count;
    }
}
