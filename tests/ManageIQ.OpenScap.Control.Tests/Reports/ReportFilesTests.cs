using System.Text.RegularExpressions;
using ManageIQ.OpenScap.Control.Format;
using ManageIQ.OpenScap.Control.Source;
using ManageIQ.OpenScap.Control.Tests.Ruby;
using ManageIQ.OpenScap.Publishing;
using ManageIQ.OpenScap.Testing;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.Control.Tests.Reports;

/// <summary>
/// The shipped report and widget: ManageIQ's importers load them (Debian's ruby, Psych, as <c>MiqReport.import</c> and
/// <c>MiqWidget.import</c> do) to what the C# reader reads, and their columns are only attributes the bridge posts.
/// </summary>
public sealed partial class ReportFilesTests
{
    private static readonly string Policies = RepositoryRoot.Combine("policies");

    private static IEnumerable<string> Files() =>
        new[] { ReportDirectory.ReportsFolder, ReportDirectory.WidgetsFolder }.SelectMany(f => Directory.GetFiles(Path.Combine(Policies, f), "*.yaml")).Order(StringComparer.Ordinal);

    [Test]
    public void BothFolders_HoldAFile() => Assert.That(Files().Select(Path.GetFileName).Distinct().Count(), Is.EqualTo(1), "one report and one widget of the same name");

    [TestCaseSource(nameof(Files))]
    [CancelAfter(60_000)]
    public async Task File_LoadsWithPsychAsManageIqImports_ToTheCSharpReadersView(string path, CancellationToken cancellationToken)
    {
        RubyPsych.RequireRuby();

        var ruby = await RubyPsych.LoadAsync(path, cancellationToken);

        Assert.That(JToken.DeepEquals(ruby, RubyYamlReader.ReadFile(path)), Is.True, $"Psych: {ruby}");
    }

    [Test]
    public void Report_IsCustom_OnContainerImages_NamedAsIssued()
    {
        var report = ReportDirectory.LoadReports(Policies).Single();

        Assert.That((report.Name, report.Report.Value<string>("db"), report.Report.Value<string>("rpt_type")), Is.EqualTo(("Container images by OpenSCAP status", "ContainerImage", "Custom")));
        Assert.That(report.Report["headers"]!.Count(), Is.EqualTo(report.Report["col_order"]!.Count()));
    }

    [Test]
    public void ReportColumns_AreTheImagesNameAndProvider_ElseOnlyAttributesTheBridgePosts()
    {
        var report = ReportDirectory.LoadReports(Policies).Single().Report;
        var columns = report["cols"]!.Values<string>().Concat(report["col_order"]!.Values<string>()).Concat(report["sortby"]!.Values<string>()).OfType<string>()
            .Except(["name", "ext_management_system.name"]).ToList();
        var fields = report.SelectTokens("$..field").Values<string>().OfType<string>().ToList();

        Assert.That(columns, Is.Not.Empty);
        Assert.That(columns.Select(c => Column().Match(c) is { Success: true } m ? m.Groups["name"].Value : "not an attribute column: " + c), Is.SubsetOf(OpenScapAttributeNames.All));
        Assert.That(fields.Select(f => f.Replace("ContainerImage-", string.Empty, StringComparison.Ordinal)).Select(f => Column().Match(f).Groups["name"].Value), Is.SubsetOf(OpenScapAttributeNames.All));
        Assert.That(columns, Does.Contain($"virtual_custom_attribute_{OpenScapAttributeNames.Status}:SECTION:metadata"));
    }

    [Test]
    public void Widget_CarriesTheSameReport_AndShowsOnlyItsColumns()
    {
        var widgetFile = Directory.GetFiles(Path.Combine(Policies, ReportDirectory.WidgetsFolder), "*.yaml").Single();
        var widget = (JObject)RubyYamlReader.ReadFile(widgetFile)[0]!["MiqWidget"]!;
        var report = ReportDirectory.LoadReports(Policies).Single();

        Assert.That(JToken.DeepEquals(widget.SelectToken("MiqReportContent[0].MiqReport"), report.Report), Is.True);
        Assert.That(widget["options"]![":row_count"]!.Value<long>(), Is.EqualTo(10));
        Assert.That(widget["options"]![":col_order"]!.Values<string>(), Is.SubsetOf(report.Report["col_order"]!.Values<string>()));
        Assert.That(widget["MiqSchedule"]!["filter"]![ControlView.MiqExpressionKey]!["exp"]!["="]!["value"]!.Value<string>(), Is.EqualTo(widget.Value<string>("description")), "the schedule finds the widget by description");
        Assert.That(ReportDirectory.LoadWidgets(Policies).Single().ReportName, Is.EqualTo(report.Name));
    }

    [GeneratedRegex("^virtual_custom_attribute_(?<name>[a-z_]+):SECTION:metadata$", RegexOptions.CultureInvariant)]
    private static partial Regex Column();
}
