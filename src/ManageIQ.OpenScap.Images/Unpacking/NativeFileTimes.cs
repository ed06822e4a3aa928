using System.Runtime.InteropServices;

namespace ManageIQ.OpenScap.Images.Unpacking;

/// <summary>The two timespecs futimens(2) takes: access, then modification.</summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly record struct NativeFileTimes(NativeTimeSpec Access, NativeTimeSpec Modified);
