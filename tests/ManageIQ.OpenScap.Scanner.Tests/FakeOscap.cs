using ManageIQ.OpenScap.Testing;

namespace ManageIQ.OpenScap.Scanner.Tests;

/// <summary>
/// A shell script standing in for oscap where the real one cannot be made to misbehave on demand
/// (broken probe, hang, crash). It answers <c>--version</c> like oscap 1.3.7.
/// </summary>
public static class FakeOscap
{
    /// <summary>Writes the script; <paramref name="evalBody"/> runs for any other command line (arguments in "$@").</summary>
    public static string Write(TempDirectory directory, string evalBody)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var path = directory.Combine("fake-oscap");
        File.WriteAllText(path,
            "#!/bin/sh\n" +
            "if [ \"$1\" = --version ]; then echo 'OpenSCAP command line tool (oscap) 1.3.7'; exit 0; fi\n" +
            "# The ARF path follows --results-arf.\n" +
            "arf=''; prev=''; for a in \"$@\"; do [ \"$prev\" = --results-arf ] && arf=\"$a\"; prev=\"$a\"; done\n" +
            evalBody + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }
}
