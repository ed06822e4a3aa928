namespace ManageIQ.OpenScap.Images.Unpacking;

/// <summary>
/// A pooled buffer of a file's content (null for none) to write at an offset; <paramref name="Last"/>
/// marks the tar thread's final piece of the file.
/// </summary>
internal readonly record struct FilePiece(PendingFile File, byte[]? Buffer, int Length, long Offset, int RoomUnits, bool Last);
