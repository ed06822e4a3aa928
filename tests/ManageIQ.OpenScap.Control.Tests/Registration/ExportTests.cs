using ManageIQ.OpenScap.Control.Format;
using ManageIQ.OpenScap.Control.Ownership;
using ManageIQ.OpenScap.Control.Source;
using ManageIQ.OpenScap.Control.Tests.Policies;
using ManageIQ.OpenScap.Control.Tests.Ruby;
using ManageIQ.OpenScap.Testing;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.Control.Tests.Registration;

/// <summary><c>bridge policies export</c>: what ManageIQ would export for the registered objects is the source, as data.</summary>
public sealed class ExportTests
{
    [Test]
    [CancelAfter(60_000)]
    public async Task Export_OfTheRegisteredProfiles_IsTheSourceAsData(CancellationToken cancellationToken)
    {
        await using var rig = await ControlRig.StartAsync(ShippedPolicyFiles.Directory);
        var sources = ShippedPolicyFiles.Load();
        await rig.Registrar.RegisterAsync(cancellationToken);

        var yaml = await rig.Exporter.ExportAsync(sources, null, cancellationToken);
        var exported = PolicyFileParser.Parse(RubyYamlReader.Read(yaml, "export"), "export");

        Assert.That(exported.Select(Data), Is.EqualTo(sources.Select(Data)).Using<JToken>((a, b) => JToken.DeepEquals(a, b)), yaml);
        Assert.That(yaml, Does.Contain("!ruby/object:MiqExpression").And.Contain("[openscap-bridge source sha256:"));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Export_OfOneProfile_LoadsWithPsych(CancellationToken cancellationToken)
    {
        RubyPsych.RequireRuby();
        await using var rig = await ControlRig.StartAsync(ShippedPolicyFiles.Directory);
        var sources = ShippedPolicyFiles.Load();
        await rig.Registrar.RegisterAsync(cancellationToken);
        using var directory = new TempDirectory();
        var path = directory.Combine("export.yaml");

        await File.WriteAllTextAsync(path, await rig.Exporter.ExportAsync(sources, ShippedPolicyFiles.StrictProfile, cancellationToken), cancellationToken);
        var ruby = await RubyPsych.LoadAsync(path, cancellationToken);

        Assert.That(JToken.DeepEquals(ruby, RubyYamlReader.ReadFile(path)), Is.True);
        Assert.That(ruby.SelectTokens("$[*].MiqPolicySet.name").Select(t => (string?)t), Is.EqualTo(new[] { ShippedPolicyFiles.StrictProfile }));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Export_BeforeRegistration_SaysSo(CancellationToken cancellationToken)
    {
        await using var rig = await ControlRig.StartAsync(ShippedPolicyFiles.Directory);

        var error = Assert.ThrowsAsync<ControlFileException>(() => rig.Exporter.ExportAsync(ShippedPolicyFiles.Load(), null, cancellationToken));

        Assert.That(error!.Message, Does.Contain("is not registered"));
    }

    /// <summary>Guids, names, expressions, contents; notes without the ownership mark; file names aside.</summary>
    private static JToken Data(PolicyProfileSource profile) => JToken.FromObject(new
    {
        profile.Name,
        profile.Description,
        profile.Guid,
        profile.Mode,
        Notes = OwnershipMark.Strip(profile.Notes),
        Policies = profile.Policies.Select(p => new
        {
            p.Name,
            p.Description,
            p.Guid,
            p.Towhat,
            p.Mode,
            p.Active,
            Notes = OwnershipMark.Strip(p.Notes),
            Contents = p.Contents.Select(c => new { c.Qualifier, c.EventName, c.EventDescription, Action = c.Action is null ? null : new { c.Action.Name, c.Action.Description, c.Action.ActionType, c.Action.Options } }),
            Conditions = p.Conditions.Select(c => new { c.Name, c.Description, c.Guid, c.Towhat, c.Expression, Notes = OwnershipMark.Strip(c.Notes) }),
        }),
    });
}
