using ManageIQ.OpenScap.Control.Registration;
using ManageIQ.OpenScap.Testing;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.Control.Tests.Registration;

/// <summary>
/// <c>bridge policies register --reports</c> against the emulator over loopback: the report goes in through
/// <c>POST /api/reports</c> import, once; a second run writes nothing; a changed file re-imports it; a report of the
/// same name that the bridge does not own is never touched; a widget, which the API cannot create, is only checked.
/// </summary>
[CancelAfter(60_000)]
public sealed class ReportRegistrationTests
{
    private const string Name = "Container images by OpenSCAP status";

    private static readonly string[] OnlyTheImport = ["/api/reports"];

    private static TempDirectory CopyPolicies()
    {
        var copy = new TempDirectory();
        foreach (var folder in new[] { "reports", "widgets" })
        {
            Directory.CreateDirectory(copy.Combine(folder));
            foreach (var file in Directory.GetFiles(RepositoryRoot.Combine("policies", folder), "*.yaml"))
            {
                File.Copy(file, copy.Combine(folder, Path.GetFileName(file)));
            }
        }

        return copy;
    }

    [Test]
    public async Task FirstRun_ImportsTheReport_WithTheMark_AndSaysTheWidgetNeedsAnImport(CancellationToken cancellationToken)
    {
        using var policies = CopyPolicies();
        await using var rig = await ControlRig.StartAsync(policies.Path);

        var report = await rig.Reports.RegisterAsync(cancellationToken);

        Assert.That(report.Outcomes.Select(o => (o.Kind, o.ObjectKind, o.Name)), Is.EqualTo(new[] { (OutcomeKind.Created, "report", Name), (OutcomeKind.Skipped, "widget", Name) }));
        Assert.That(report.Outcomes[1].Message, Does.Contain("cannot create widgets"));
        Assert.That(rig.Writes().Select(w => w.Path), Is.EqualTo(OnlyTheImport));
        var row = rig.Emulator.Store.Read(s => (JObject)s.Reports.Rows.Single(r => r.Value<string>("name") == Name).DeepClone());
        Assert.That(row["rpt_options"]![ReportRegistrar.MarkKey]!.Value<string>(), Does.StartWith("[openscap-bridge source sha256:"));
        Assert.That(row["cols"]!.Values<string>(), Does.Contain("virtual_custom_attribute_openscap_status:SECTION:metadata"));
        Assert.That(row["conditions"]!["exp"]!["IS NOT EMPTY"], Is.Not.Null);
    }

    [Test]
    public async Task SecondRun_MakesNoWrite(CancellationToken cancellationToken)
    {
        using var policies = CopyPolicies();
        await using var rig = await ControlRig.StartAsync(policies.Path);
        await rig.Reports.RegisterAsync(cancellationToken);
        var before = rig.Writes().Count;

        var second = await rig.Reports.RegisterAsync(cancellationToken);

        Assert.That((second.Writes, rig.Writes().Count - before), Is.EqualTo((0, 0)));
        Assert.That(second.Outcomes[0].Kind, Is.EqualTo(OutcomeKind.Unchanged));
    }

    [Test]
    public async Task ChangedFile_ReimportsTheBridgesReport_WithOverwrite(CancellationToken cancellationToken)
    {
        using var policies = CopyPolicies();
        await using var rig = await ControlRig.StartAsync(policies.Path);
        await rig.Reports.RegisterAsync(cancellationToken);
        var file = Directory.GetFiles(policies.Combine("reports"), "*.yaml").Single();
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file, cancellationToken)).Replace("    - Scanned On\n", "    - Last Scanned\n", StringComparison.Ordinal), cancellationToken);

        var report = await rig.Reports.RegisterAsync(cancellationToken);

        Assert.That(report.Outcomes[0].Kind, Is.EqualTo(OutcomeKind.Edited));
        Assert.That(rig.Emulator.Store.Read(s => s.Reports.Rows.Count(r => r.Value<string>("name") == Name)), Is.EqualTo(1));
        Assert.That(rig.Emulator.Store.Read(s => s.Reports.Rows.Single(r => r.Value<string>("name") == Name)["headers"]!.Values<string>().Last()), Is.EqualTo("Last Scanned"));
    }

    [Test]
    public async Task AReportOfTheSameNameWithoutTheMark_IsAConflict_LeftByteIdentical(CancellationToken cancellationToken)
    {
        using var policies = CopyPolicies();
        await using var rig = await ControlRig.StartAsync(policies.Path);
        var mine = new JObject { ["menu_name"] = Name, ["title"] = "mine", ["rpt_group"] = "Custom", ["rpt_type"] = "Custom", ["db"] = "ContainerImage", ["cols"] = new JArray("name"), ["col_order"] = new JArray("name") };
        await rig.Client.ImportReportAsync(mine, overwrite: false, cancellationToken);
        var before = rig.Emulator.Store.Read(s => s.Reports.Rows.Single(r => r.Value<string>("name") == Name).ToString());
        var writes = rig.Writes().Count;

        var report = await rig.Reports.RegisterAsync(cancellationToken);

        Assert.That(report.Outcomes[0].Kind, Is.EqualTo(OutcomeKind.Conflict));
        Assert.That(report.Outcomes[0].Message, Does.Contain("not the bridge's"));
        Assert.That(rig.Writes().Count, Is.EqualTo(writes));
        Assert.That(rig.Emulator.Store.Read(s => s.Reports.Rows.Single(r => r.Value<string>("name") == Name).ToString()), Is.EqualTo(before));
    }

    [Test]
    public void Payload_CarriesNoSymbolOrExpressionTag_AndTheMark()
    {
        var source = ManageIQ.OpenScap.Control.Source.ReportDirectory.LoadReports(RepositoryRoot.Combine("policies")).Single();

        var payload = ReportRegistrar.Payload(source);

        Assert.That(payload.ToString(), Does.Not.Contain(ManageIQ.OpenScap.Control.Format.ControlView.MiqExpressionKey));
        Assert.That(payload["conditions"]!["IS NOT EMPTY"]!.Value<string>("field"), Does.StartWith("ContainerImage-virtual_custom_attribute_openscap_status"));
        Assert.That(payload["rpt_options"]![ReportRegistrar.MarkKey]!.Value<string>(), Does.EndWith("]"));
    }
}
