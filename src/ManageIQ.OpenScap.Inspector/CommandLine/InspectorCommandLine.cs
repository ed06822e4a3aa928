using System.CommandLine;
using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.Inspector.OneShot;
using ManageIQ.OpenScap.Inspector.Serving;

namespace ManageIQ.OpenScap.Inspector.CommandLine;

/// <summary>The inspector's command line: one root command with image-inspector's flags.</summary>
public static class InspectorCommandLine
{
    public static RootCommand Create()
    {
        var flags = new InspectorFlags();
        var root = new RootCommand("Pulls a container image with no daemon, scans it with OpenSCAP and serves the results with image-inspector's HTTP API.");
        flags.AddTo(root);
        root.SetAction(async (parse, cancellationToken) =>
        {
            InspectorSettings settings;
            try
            {
                settings = flags.ToSettings(parse);
            }
            catch (FormatException e)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("Error: " + e.Message).ConfigureAwait(false);
                return ExitCodes.InvalidArguments;
            }

            return settings.Serve is null
                ? await OneShotInspection.RunAsync(settings, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, cancellationToken).ConfigureAwait(false)
                : await ServeMode.RunAsync(settings, parse.InvocationConfiguration.Error, cancellationToken).ConfigureAwait(false);
        });
        return root;
    }
}
