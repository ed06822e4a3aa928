using ManageIQ.OpenScap.ManageIq.Emulator.Seeding;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Tests;

/// <summary>
/// <c>/api/reports</c> and <c>/api/widgets</c> as manageiq-api e7ef45021177 serves them: reports have one writing
/// action, <c>import</c> (<c>ReportsController#import_resource</c> over manageiq's <c>MiqReport.import_from_hash</c>:
/// found by menu_name, kept unless overwrite, rpt_type Custom only); widgets have no create (api.yml).
/// </summary>
[CancelAfter(30_000)]
public sealed class ReportImportTests
{
    private static Dictionary<string, object?> Report(string title = "t") => new()
    {
        ["menu_name"] = "Bridge report", ["title"] = title, ["rpt_group"] = "Custom", ["rpt_type"] = "Custom", ["db"] = "ContainerImage",
        ["cols"] = new[] { "name" }, ["col_order"] = new[] { "name" }, ["userid"] = "", ["group_description"] = "",
        ["conditions"] = new Dictionary<string, object> { ["IS NOT EMPTY"] = new { field = "ContainerImage-name" } },
    };

    private static object Import(object report, bool overwrite = false) =>
        new { action = "import", resources = new[] { new { report, options = new { save = true, overwrite } } } };

    [Test]
    public async Task Import_New_CreatesItUnderItsName_OwnedByTheCaller_WithConditionsAsAnExpression()
    {
        await using var h = await EmulatorHarness.StartAsync();

        var (status, body) = await h.PostAsync("api/reports", Import(Report()));
        var (_, listed) = await h.GetAsync("api/reports?expand=resources&filter[]=name=Bridge report");

        var result = body["results"]![0]!;
        Assert.That((status, result.Value<bool>("success"), result.Value<string>("message")), Is.EqualTo((200, true, "Imported Report: [Bridge report]")));
        var report = listed["resources"]!.Single();
        Assert.That((report.Value<string>("title"), report.Value<string>("miq_group_id"), report.Value<string>("user_id")), Is.EqualTo(("t", "1", "1")));
        Assert.That(report["conditions"]!["exp"]!.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo("""{"IS NOT EMPTY":{"field":"ContainerImage-name"}}"""));
    }

    [Test]
    public async Task Import_Existing_WithoutOverwrite_KeepsIt_AndWithOverwriteReplacesIt()
    {
        await using var h = await EmulatorHarness.StartAsync();
        await h.PostAsync("api/reports", Import(Report("first")));

        var (_, kept) = await h.PostAsync("api/reports", Import(Report("second")));
        var titleAfterKeep = h.Emulator.Store.Read(s => s.Reports.Rows.Single(r => r.Value<string>("name") == "Bridge report").Value<string>("title"));
        var (_, replaced) = await h.PostAsync("api/reports", Import(Report("third"), overwrite: true));
        var titleAfterReplace = h.Emulator.Store.Read(s => s.Reports.Rows.Single(r => r.Value<string>("name") == "Bridge report").Value<string>("title"));

        Assert.That((kept["results"]![0]!.Value<string>("message"), titleAfterKeep), Is.EqualTo(("Skipping Report (already in DB): [Bridge report]", "first")));
        Assert.That((replaced["results"]![0]!.Value<string>("message"), titleAfterReplace), Is.EqualTo(("Replaced Report: [Bridge report]", "third")));
    }

    [Test]
    public async Task Import_NotCustom_IsTheImportersRuntimeError()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var report = JObject.FromObject(Report());
        report["rpt_type"] = "Default";

        var (status, body) = await h.PostAsync("api/reports", Import(report));

        Assert.That((status, body["error"]!.Value<string>("message")), Is.EqualTo((500, "Incorrect format, only policy records can be imported.")));
    }

    [Test]
    public async Task Import_WithoutTheExportFeature_IsForbidden()
    {
        var seed = EmulatorSeed.WithUser(EmulatorSeed.Default(), "viewer", "pw", "Report viewers", ["miq_report_saved_reports_view"]);
        await using var h = await EmulatorHarness.StartAsync(new EmulatorOptions { Seed = seed });

        var (status, _) = await h.PostAsync("api/reports", Import(Report()), EmulatorHarness.Basic("viewer", "pw"));

        Assert.That(status, Is.EqualTo(403));
        Assert.That(h.Emulator.Store.Read(s => s.Reports.Rows.Count), Is.EqualTo(1), "only the seeded report");
    }

    [Test]
    public async Task Reports_HaveNoCreate_AndWidgetsCannotBeCreated()
    {
        await using var h = await EmulatorHarness.StartAsync();

        var report = await h.PostAsync("api/reports", new { action = "create", resource = new { name = "x" } });
        var widget = await h.PostAsync("api/widgets", new { action = "create", resource = new { description = "x", title = "x" } });
        var (listed, widgets) = await h.GetAsync("api/widgets?expand=resources");

        Assert.That((report.Status, report.Body["error"]!.Value<string>("message")), Is.EqualTo((400, "Unsupported Action create for the reports collection specified")));
        Assert.That((widget.Status, widget.Body["error"]!.Value<string>("message")), Is.EqualTo((400, "Unsupported Action create for the widgets collection specified")));
        Assert.That((listed, widgets["resources"]!.Select(w => w.Value<string>("description"))), Is.EqualTo((200, new[] { "Recently Discovered Pods" })));
    }

    [Test]
    public async Task SeededReport_IsManageIqsOpenScapRuleResultsReport()
    {
        await using var h = await EmulatorHarness.StartAsync();

        var (status, body) = await h.GetAsync("api/reports?expand=resources&filter[]=name=Images by Failed OpenSCAP Rule Results");

        Assert.That((status, body["resources"]!.Single().Value<string>("db")), Is.EqualTo((200, "ContainerImage")));
    }
}
