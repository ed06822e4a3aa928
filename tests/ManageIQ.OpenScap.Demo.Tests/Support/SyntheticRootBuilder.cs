using ManageIQ.OpenScap.Demo.Images;
using ManageIQ.OpenScap.Testing;

namespace ManageIQ.OpenScap.Demo.Tests.Support;

/// <summary>Small Debian 12 roots instead of mmdebstrap's, with the package versions each test image names.</summary>
public sealed class SyntheticRootBuilder(IReadOnlyDictionary<string, IReadOnlyList<DebianPackage>> packages) : IRootFileSystemBuilder
{
    public int Built { get; private set; }

    public string Describe(DemoImageSpec spec) => "a synthetic Debian 12 root";

    public Task BuildAsync(DemoImageSpec spec, string root, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        SyntheticDebianRoot.Write(root, packages[spec.Repository]);
        Built++;
        return Task.CompletedTask;
    }
}
