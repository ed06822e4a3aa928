using ManageIQ.OpenScap.Scanner.Scanning;
using ManageIQ.OpenScap.Testing;

namespace ManageIQ.OpenScap.Scanner.Tests.Scanning;

public sealed class HtmlReportFeedRowTests
{
    [Test]
    public async Task InsertAsync_AfterTheProfileIdRow_EscapesTheText()
    {
        using var directory = new TempDirectory();
        var path = directory.Combine("report.html");
        await File.WriteAllTextAsync(path, "<table><tr><th>Profile ID</th><td>p</td></tr><tr><th>Started at</th></tr></table>" + new string('x', 3 << 20));

        Assert.That(await HtmlReportFeedRow.InsertAsync(path, "1 of 2 <defs>", CancellationToken.None), Is.True);

        var text = await File.ReadAllTextAsync(path);
        Assert.That(text, Does.StartWith("<table><tr><th>Profile ID</th><td>p</td></tr><tr><th>CVE feed</th><td>1 of 2 &lt;defs&gt;</td></tr><tr><th>Started at</th>"));
        Assert.That(text, Has.Length.EqualTo(135 + (3 << 20)));
    }

    [Test]
    public async Task InsertAsync_NoProfileIdRow_LeavesTheReport()
    {
        using var directory = new TempDirectory();
        var path = directory.Combine("report.html");
        await File.WriteAllTextAsync(path, "<html>other</html>");

        Assert.That(await HtmlReportFeedRow.InsertAsync(path, "n", CancellationToken.None), Is.False);
        Assert.That(await File.ReadAllTextAsync(path), Is.EqualTo("<html>other</html>"));
    }
}
