using System.CommandLine;

namespace ManageIQ.OpenScap.Bridge.CommandLine;

/// <summary>The bridge's verbs. Each verb lives in its own file and is added here.</summary>
public static class BridgeCommandLine
{
    public static RootCommand Create()
    {
        var root = new RootCommand("ManageIQ.OpenScap bridge: OpenSCAP analysis of container images for ManageIQ.");
        root.Subcommands.Add(ReportCommand.Create());
        root.Subcommands.Add(ScanCommand.Create());
        root.Subcommands.Add(AnalyzeCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(EmulatorCommand.Create());
        root.Subcommands.Add(PoliciesCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        return root;
    }
}
