using System.CommandLine;
using ManageIQ.OpenScap.Contracts.Inspector;
using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.Demo;
using ManageIQ.OpenScap.Demo.Apt;
using ManageIQ.OpenScap.Demo.Display;
using ManageIQ.OpenScap.Demo.Images;
using Spectre.Console;

namespace ManageIQ.OpenScap.Bridge.CommandLine;

/// <summary>
/// <c>demo [--work-dir DIR] [--reset] [--plain]</c>: the bridge end to end on this machine, with no ManageIQ and no
/// cluster. Two Debian 12 images served from a loopback registry, a sample CVE feed built from Debian's own packages, the
/// ManageIQ emulator with one OpenShift provider, and the service in-process with the local backend and the real oscap;
/// it ends with the results and ManageIQ's view of one image (docs/demo.md).
/// </summary>
internal static class DemoCommand
{
    // --work-dir is spelled as scan's (and the inspector's), so the verbs read alike.
    public static Command Create()
    {
        var workDir = new Option<DirectoryInfo?>(InspectorFlagNames.WorkDirectory) { Description = $"Where the images, the feed and the bridge's store are kept across runs (default {DemoPaths.DefaultRoot})." };
        var reset = new Option<bool>("--reset") { Description = "Delete what earlier runs kept in the work directory and start over." };
        var plain = new Option<bool>("--plain") { Description = "Plain lines instead of the live display (the default when the output is not a terminal)." };
        var command = new Command("demo", "Run the bridge end to end here: Debian 12 images on a loopback registry, a sample CVE feed, the ManageIQ emulator, the service and the real oscap.") { workDir, reset, plain };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var missing = DemoPrerequisites.Missing(Environment.IsPrivilegedProcess);
            if (missing.Count > 0)
            {
                foreach (var line in missing)
                {
                    await error.WriteLineAsync("Error: " + line);
                }

                return ExitCodes.InvalidArguments;
            }

            var paths = new DemoPaths(parse.GetValue(workDir)?.FullName ?? DemoPaths.DefaultRoot);
            AptSource security;
            IReadOnlyList<AptSource> sources;
            try
            {
                sources = MachineAptSources.Read();
                MachineAptSources.Find(sources, DemoImageSpecs.Release);
                security = MachineAptSources.Find(sources, DemoImageSpecs.Security);
                if (parse.GetValue(reset))
                {
                    Reset(paths);
                }
            }
            catch (Exception e) when (e is InvalidOperationException or InvalidDataException or IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync("Error: " + e.Message);
                return ExitCodes.InvalidArguments;
            }

            var setup = new DemoSetup(paths, DemoImageSpecs.All, new MmdebstrapRootBuilder(sources), security);
            var output = parse.InvocationConfiguration.Output;
            IDemoDisplay display = parse.GetValue(plain) || Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive
                ? new PlainDisplay(output)
                : new SpectreDisplay(AnsiConsole.Console);
            return await new DemoRun(setup, display).RunAsync(cancellationToken);
        });
        return command;
    }

    private static void Reset(DemoPaths paths)
    {
        foreach (var path in paths.Kept)
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
            else if (File.Exists(path))
            {
                File.Delete(path);
            }
        }
    }
}
