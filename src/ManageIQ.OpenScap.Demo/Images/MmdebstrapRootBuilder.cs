using ManageIQ.OpenScap.Demo.Apt;
using ManageIQ.OpenScap.Demo.Tools;

namespace ManageIQ.OpenScap.Demo.Images;

/// <summary>
/// <c>mmdebstrap --variant=minbase</c> from the machine's own Debian archive (its apt sources name the mirror; nothing
/// else is reached). Needs root.
/// </summary>
public sealed class MmdebstrapRootBuilder(IReadOnlyList<AptSource> sources) : IRootFileSystemBuilder
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(20);

    public string Describe(DemoImageSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return $"mmdebstrap --variant=minbase{(spec.Include.Count == 0 ? string.Empty : " --include=" + string.Join(',', spec.Include))} {string.Join(" + ", spec.Suites)}";
    }

    public async Task BuildAsync(DemoImageSpec spec, string root, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var arguments = new List<string> { "--variant=minbase", "--quiet", "--mode=root" };
        if (spec.Include.Count > 0)
        {
            arguments.Add("--include=" + string.Join(',', spec.Include));
        }

        arguments.Add(spec.Suites[0]);
        arguments.Add(root);
        arguments.AddRange(spec.Suites.Select(suite => MachineAptSources.Find(sources, suite).ToListLine()));
        await ToolRunner.RunAsync(new ToolCommand("mmdebstrap", arguments, Timeout), cancellationToken).ConfigureAwait(false);
    }
}
