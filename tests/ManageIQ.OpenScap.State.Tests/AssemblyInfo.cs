using System.Runtime.Versioning;

// The bridge runs on Linux; the tests check Unix file modes and kill child processes with SIGKILL.
[assembly: SupportedOSPlatform("linux")]
