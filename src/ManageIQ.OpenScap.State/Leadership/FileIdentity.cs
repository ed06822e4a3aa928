namespace ManageIQ.OpenScap.State.Leadership;

/// <summary>Which file an open handle or a path refers to: its device and inode.</summary>
internal readonly record struct FileIdentity(uint DeviceMajor, uint DeviceMinor, ulong Inode);
