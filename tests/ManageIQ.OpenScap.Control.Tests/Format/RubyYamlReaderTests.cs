using ManageIQ.OpenScap.Control.Format;
using ManageIQ.OpenScap.Control.Source;
using ManageIQ.OpenScap.Control.Tests.Policies;
using ManageIQ.OpenScap.Control.Tests.Ruby;
using ManageIQ.OpenScap.Testing;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.Control.Tests.Format;

/// <summary>The reader follows Psych (checked against Debian's ruby) and refuses what ManageIQ's importer would, with a clear error.</summary>
public sealed class RubyYamlReaderTests
{
    private const string Scalars = """
        ---
        - plain: text
          quoted: "0"
          number: 0
          negative: -12
          float: 1.5
          exponent: 2.5e+3
          empty:
          tilde: ~
          yes_word: yes
          off_word: off
          :symbol_key: :symbol_value
          quoted_symbol: ":not a symbol"
          anchor: &a {x: 1}
          alias: *a
          expression: !ruby/object:MiqExpression
            exp: {"=": {field: ContainerImage-name, value: nginx}}
            context_type:
        """;

    [Test]
    [CancelAfter(60_000)]
    public async Task Read_ScalarsSymbolsAliasesAndMiqExpression_AsPsychLoadsThem(CancellationToken cancellationToken)
    {
        RubyPsych.RequireRuby();
        using var directory = new TempDirectory();
        var path = directory.Combine("scalars.yaml");
        await File.WriteAllTextAsync(path, Scalars, cancellationToken);

        var csharp = RubyYamlReader.ReadFile(path);
        var ruby = await RubyPsych.LoadAsync(path, cancellationToken);

        Assert.That(JToken.DeepEquals(ruby, csharp), Is.True, $"Psych: {ruby}\nC#: {csharp}");
        Assert.That(csharp[0]![":symbol_key"]!.ToString(), Is.EqualTo(":symbol_value"));
        Assert.That(csharp[0]!["quoted"]!.Type, Is.EqualTo(JTokenType.String));
        Assert.That(csharp[0]!["yes_word"]!.Value<bool>(), Is.True);
    }

    [TestCase("- x: !ruby/object:Kernel {a: 1}", "unspecified class: Kernel")]
    [TestCase("- x: !ruby/hash:ActiveSupport::HashWithIndifferentAccess {a: 1}", "unspecified class")]
    [TestCase("- x: 2026-01-01", "quote it")]
    [TestCase("- x: 0755", "quote it")]
    [TestCase("- x: 1_000", "quote it")]
    [TestCase("- x: 1.5e3", "quote it")]
    [TestCase("- x: .5", "quote it")]
    [TestCase("- x: 1:30", "quote it")]
    [TestCase("- {a: 1, a: 2}", "Duplicate key")]
    [TestCase("- a\n---\n- b", "2 YAML documents")]
    [TestCase("- [unclosed", "not YAML")]
    public void Read_WhatTheBridgeDoesNotReadAsPsychDoes_IsRefusedNamingIt(string text, string expected)
    {
        var error = Assert.Throws<ControlFileException>(() => RubyYamlReader.Read(text, "t.yaml"));

        Assert.That(error!.Message, Does.StartWith("t.yaml").And.Contain(expected));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Read_ADisallowedClass_IsRefusedByPsychToo(CancellationToken cancellationToken)
    {
        RubyPsych.RequireRuby();
        using var directory = new TempDirectory();
        var path = directory.Combine("kernel.yaml");
        await File.WriteAllTextAsync(path, "- x: !ruby/object:Kernel {a: 1}\n", cancellationToken);

        Assert.ThrowsAsync<RubyLoadException>(() => RubyPsych.LoadAsync(path, cancellationToken));
        Assert.Throws<ControlFileException>(() => RubyYamlReader.ReadFile(path));
    }

    [Test]
    public void Read_AnAliasBomb_StopsAtTheNodeBound()
    {
        var lines = new List<string> { "a0: &a0 [x, x, x, x, x, x, x, x, x, x]" };
        for (var i = 1; i < 8; i++)
        {
            lines.Add($"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]");
        }

        var error = Assert.Throws<ControlFileException>(() => RubyYamlReader.Read(string.Join('\n', lines), "bomb.yaml"));

        Assert.That(error!.Message, Does.Contain("nodes"));
    }

    [Test]
    public void Read_AFileLargerThanTheBound_IsRefused()
    {
        var error = Assert.Throws<ControlFileException>(() => RubyYamlReader.Read(new string('#', RubyYamlReader.MaxBytes + 1), "big.yaml"));

        Assert.That(error!.Message, Does.Contain("larger than"));
    }

    [TestCase("expression: !ruby/object:MiqExpression", "expression: ", "not a !ruby/object:MiqExpression")]
    [TestCase("guid: 7cf715bb-210f-4b33-b1e8-b9f84f85d068", "guid:", "guid is missing")]
    [TestCase("towhat: ContainerImage\n        file_mtime:", "towhat: Pod\n        file_mtime:", "towhat Pod")]
    [TestCase("name: compliance_failed", "name: compliance failed", "may hold only")]
    [TestCase("options: {}", "options: {ae_request: x}", "Ruby symbols")]
    [TestCase("- MiqPolicySet:", "- MiqAlert:", "class MiqAlert")]
    [TestCase("qualifier: failure", "qualifier: success", "compliance_failed")]
    public void Parse_AFileManageIqOrTheBridgeWouldRefuse_NamesTheFileAndObject(string find, string replace, string expected)
    {
        var path = ShippedPolicyFiles.Files().Single(f => f.EndsWith("openscap-profile-bridge.yaml", StringComparison.Ordinal));
        var text = File.ReadAllText(path);
        Assert.That(text, Does.Contain(find));

        var error = Assert.Throws<ControlFileException>(() => PolicyFileParser.Parse(RubyYamlReader.Read(text.Replace(find, replace, StringComparison.Ordinal), "edited.yaml"), "edited.yaml"));

        Assert.That(error!.Message, Does.StartWith("edited.yaml").And.Contain(expected));
    }

    [Test]
    public void Load_TwoFilesWithOneGuid_IsRefused()
    {
        using var copy = ShippedPolicyFiles.Copy();
        File.Copy(copy.Combine("openscap-profile-bridge.yaml"), copy.Combine("zz-copy.yaml"));

        var error = Assert.Throws<ControlFileException>(() => PolicyDirectory.Load(copy.Path));

        Assert.That(error!.Message, Does.Contain("share the guid"));
    }
}
