using ManageIQ.OpenScap.Testing;

namespace ManageIQ.OpenScap.Images.Tests.Unpacking;

/// <summary>A fresh scratch directory per test, with the unpack root inside it (not yet created).</summary>
public abstract class UnpackRootFixture
{
    protected TempDirectory Scratch { get; private set; } = null!;

    protected string Root { get; private set; } = null!;

    [SetUp]
    public void CreateScratch()
    {
        Scratch = new TempDirectory();
        Root = Scratch.Combine("rootfs");
    }

    [TearDown]
    public void DeleteScratch() => Scratch.Dispose();
}
