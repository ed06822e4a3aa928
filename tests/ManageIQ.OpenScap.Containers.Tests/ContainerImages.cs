using System.Diagnostics;
using System.Globalization;
using ManageIQ.OpenScap.Testing;

namespace ManageIQ.OpenScap.Containers.Tests;

/// <summary>
/// Runs tests/containers.sh once for every test here: podman installed and configured, the local Debian bases,
/// both images built. When podman cannot run at all the script says why and every test is skipped with that
/// reason; when a build fails every test fails.
/// </summary>
[SetUpFixture]
public sealed class ContainerImages
{
    private const int Skipped = 77;
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(40);
    private static readonly Dictionary<string, long> SizesByTag = new(StringComparer.Ordinal);

    public static string ContainersConf { get; private set; } = string.Empty;

    public static string Inspector { get; private set; } = string.Empty;

    public static string Bridge { get; private set; } = string.Empty;

    /// <summary>Uncompressed sizes in bytes as podman reports them, by tag.</summary>
    public static IReadOnlyDictionary<string, long> Sizes => SizesByTag;

    [OneTimeSetUp]
    public async Task BuildAsync()
    {
        var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(RepositoryRoot.Combine("tests", "containers.sh"));
        using var script = Process.Start(psi) ?? throw new InvalidOperationException("tests/containers.sh did not start");
        var output = script.StandardOutput.ReadToEndAsync();
        var error = new List<string>();
        script.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (error)
            {
                error.Add(e.Data);
            }

            TestContext.Progress.WriteLine(e.Data);
        };
        script.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(ScriptTimeout);
        await script.WaitForExitAsync(timeout.Token);
        var lines = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (script.ExitCode == Skipped)
        {
            Assert.Ignore(lines.LastOrDefault() ?? "tests/containers.sh skipped without a reason");
        }

        Assert.That(script.ExitCode, Is.Zero, "tests/containers.sh failed:\n" + string.Join('\n', error.TakeLast(40)));
        foreach (var line in lines)
        {
            Read(line);
        }

        Assert.That(new[] { ContainersConf, Inspector, Bridge }, Has.None.Empty, string.Join('\n', lines));
    }

    private static void Read(string line)
    {
        if (line.StartsWith("export: ", StringComparison.Ordinal))
        {
            var (key, value) = Split(line["export: ".Length..], '=');
            switch (key)
            {
                case "CONTAINERS_CONF":
                    ContainersConf = value;
                    break;
                case "MIQ_INSPECTOR_IMAGE":
                    Inspector = value;
                    break;
                case "MIQ_BRIDGE_IMAGE":
                    Bridge = value;
                    break;
            }
        }
        else if (line.StartsWith("size: ", StringComparison.Ordinal))
        {
            var (tag, size) = Split(line["size: ".Length..], ' ');
            SizesByTag[tag] = long.Parse(size, CultureInfo.InvariantCulture);
        }
    }

    private static (string, string) Split(string text, char separator)
    {
        var at = text.IndexOf(separator, StringComparison.Ordinal);
        return at < 0 ? (text, string.Empty) : (text[..at], text[(at + 1)..]);
    }
}
