namespace ManageIQ.OpenScap.ManageIq.Emulator.Tests;

[CancelAfter(30_000)]
public sealed class SmokeTests
{
    [Test]
    public async Task GetImages_DefaultSeed_ListsSix()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (status, body) = await h.GetAsync("api/container_images?expand=resources&attributes=name,container_image_registry");
        TestContext.Out.WriteLine(body.ToString());
        Assert.That(status, Is.EqualTo(200));
        Assert.That(body.Value<int>("count"), Is.EqualTo(6));
    }
}
