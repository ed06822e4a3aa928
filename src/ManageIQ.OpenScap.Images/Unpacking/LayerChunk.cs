namespace ManageIQ.OpenScap.Images.Unpacking;

/// <summary>A pooled buffer of decompressed layer bytes on its way to the tar reader.</summary>
internal readonly record struct LayerChunk(byte[] Buffer, int Length);
