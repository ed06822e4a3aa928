using System.Runtime.Versioning;

// Image acquisition unpacks Unix root filesystems; its tests run on Linux only.
[assembly: SupportedOSPlatform("linux")]
