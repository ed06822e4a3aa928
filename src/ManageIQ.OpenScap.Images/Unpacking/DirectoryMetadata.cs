namespace ManageIQ.OpenScap.Images.Unpacking;

/// <summary>A directory's mode and time, applied after all layers.</summary>
internal readonly record struct DirectoryMetadata(UnixFileMode Mode, DateTime ModifiedUtc);
