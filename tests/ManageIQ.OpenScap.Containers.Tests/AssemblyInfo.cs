using System.Runtime.Versioning;

// podman, its images and their file modes are Linux only.
[assembly: SupportedOSPlatform("linux")]
