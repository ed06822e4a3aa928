namespace ManageIQ.OpenScap.Images.Unpacking;

/// <summary>A read-only pass-through that counts the bytes read (the compressed side of a layer).</summary>
internal sealed class CountingStream(Stream inner) : ForwardReadStream
{
    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        BytesRead += read;
        return read;
    }
}
