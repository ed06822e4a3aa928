using System.Diagnostics;
using System.Runtime.Versioning;
using ManageIQ.OpenScap.Testing;

namespace ManageIQ.OpenScap.Bridge.Tests.CommandLine;

/// <summary>
/// <c>scan</c> without <c>--work-dir</c> removes its temporary work directory, read-only directories
/// of the unpacked image included. Root deletes whatever the modes say, so when the tests run as root
/// the bridge runs as <c>nobody</c> (through setpriv): only there does the mode restore matter.
/// </summary>
[CancelAfter(120_000)]
[UnsupportedOSPlatform("windows")]
public class ScanWorkDirectoryTests
{
    private const UnixFileMode ReadOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserExecute;
    private const UnixFileMode Everyone = (UnixFileMode)0x1FF;

    [Test]
    public async Task Scan_UnprivilegedWithReadOnlyDirectoriesInTheImage_RemovesItsTemporaryWorkDirectory(CancellationToken cancellationToken)
    {
        using var directory = new TempDirectory();
        File.SetUnixFileMode(directory.Path, (UnixFileMode)0x1ED);
        var layout = directory.Combine("layout");
        new TestImage().Layer(new TestLayer()
                .Directory("locked", ReadOnlyDirectory).Directory("locked/inner", ReadOnlyDirectory)
                .File("locked/inner/file", "x").File("locked/file", "x"))
            .Build().WriteOciLayout(layout, "x");
        var temporary = WritableByAnyone(directory.Combine("tmp"));
        var results = WritableByAnyone(directory.Combine("results"));

        var (exitCode, output) = await RunUnprivilegedAsync(temporary,
            ["scan", $"oci:{layout}:x", "--output-dir", results, "--cve-feed-policy", "disabled", "--no-html"], cancellationToken);

        Assert.That(output, Does.Contain("Unpacking layer 1/1"), "the image was unpacked");
        Assert.That(exitCode, Is.EqualTo(4), "no SCAP content for an image without os-release: " + output);
        Assert.That(Directory.EnumerateDirectories(temporary, "miq-scan-*"), Is.Empty, "the temporary work directory is gone");
    }

    private static string WritableByAnyone(string path)
    {
        Directory.CreateDirectory(path);
        File.SetUnixFileMode(path, Everyone);
        return path;
    }

    /// <summary>Runs the bridge as a process of its own, as nobody when the tests run as root, with its temporary directory at <paramref name="temporary"/>.</summary>
    private static async Task<(int ExitCode, string Output)> RunUnprivilegedAsync(string temporary, string[] arguments, CancellationToken cancellationToken)
    {
        var bridge = Path.Combine(AppContext.BaseDirectory, "ManageIQ.OpenScap.Bridge.dll");
        string[] command = Environment.IsPrivilegedProcess
            ? ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--", "dotnet", bridge, .. arguments]
            : ["dotnet", bridge, .. arguments];
        var psi = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in command[1..])
        {
            psi.ArgumentList.Add(argument);
        }

        psi.Environment["TMPDIR"] = temporary;
        psi.Environment["HOME"] = temporary;
        psi.Environment["DOTNET_CLI_HOME"] = temporary;
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("the bridge did not start");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await stdout + await stderr);
    }
}
