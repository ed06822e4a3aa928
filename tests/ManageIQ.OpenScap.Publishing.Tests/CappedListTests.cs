
namespace ManageIQ.OpenScap.Publishing.Tests;

public sealed class CappedListTests
{
    [Test]
    public void Join_EverythingFits_JoinsAll()
    {
        Assert.That(CappedList.Join(["CVE-2024-1", "CVE-2024-2"], 64), Is.EqualTo("CVE-2024-1, CVE-2024-2"));
    }

    [Test]
    public void Join_TooMany_EndsWithHowManyWereLeftOut()
    {
        var ids = Enumerable.Range(1, 100).Select(i => $"CVE-2024-{i:D5}").ToList();

        var value = CappedList.Join(ids, 100);

        Assert.That(value, Does.StartWith("CVE-2024-00001, CVE-2024-00002"));
        var shown = value.Split(", ").Length;
        Assert.That(value, Does.EndWith($" and {100 - shown} more"));
        Assert.That(value, Has.Length.LessThanOrEqualTo(100));
    }

    [Test]
    public void Join_AnyCountAndCap_NeverExceedsTheCapAndCountsEveryItem()
    {
        for (var count = 0; count < 60; count++)
        {
            var ids = Enumerable.Range(0, count).Select(i => new string('x', 1 + (i * 7 % 23))).ToList();
            foreach (var cap in new[] { 32, 40, 77, 200 })
            {
                var value = CappedList.Join(ids, cap);
                Assert.That(value, Has.Length.LessThanOrEqualTo(cap), $"count {count}, cap {cap}");
                var more = System.Text.RegularExpressions.Regex.Match(value, @"(?:^| and )(\d+) more$");
                var omitted = more.Success ? int.Parse(more.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
                var shown = more.Success ? value[..more.Index] : value;
                var listed = shown.Length == 0 ? 0 : shown.Split(", ").Length;
                Assert.That(listed + omitted, Is.EqualTo(count), $"count {count}, cap {cap}: {value}");
            }
        }
    }

    [Test]
    public void Join_OtherSeparator_IsUsed()
    {
        Assert.That(CappedList.Join(["a", "b"], 64, "\n"), Is.EqualTo("a\nb"));
    }
}
