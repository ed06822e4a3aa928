using System.Runtime.InteropServices;

namespace ManageIQ.OpenScap.Images.Unpacking;

/// <summary>struct timespec on 64-bit Linux.</summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly record struct NativeTimeSpec(long Seconds, long Nanoseconds);
