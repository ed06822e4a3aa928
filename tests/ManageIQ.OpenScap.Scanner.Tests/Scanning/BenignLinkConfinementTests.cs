using System.Xml;
using ManageIQ.OpenScap.Images;
using ManageIQ.OpenScap.Images.Unpacking;
using ManageIQ.OpenScap.Scanner.Oscap;
using ManageIQ.OpenScap.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Scanner.Tests.Scanning;

/// <summary>
/// What confining links changes for a benign image: a Debian 12 minbase from mmdebstrap, scanned
/// by the real oscap as mmdebstrap wrote it (its links as Debian writes them: what the scanner
/// evaluated before) and as the acquirer unpacks it now (links rewritten inside the root).
/// docs/symlink-confinement.md explains the pinned result.
/// </summary>
[CancelAfter(900_000)]
public class BenignLinkConfinementTests
{
    /// <summary>Rules whose result changes, per profile: none with the SSG Debian 12 data stream (see the docs).</summary>
    private static readonly Dictionary<string, Dictionary<string, string>> Changed = new(StringComparer.Ordinal)
    {
        ["standard"] = [],
        ["(all)"] = [],
    };

    private TempDirectory _directory = null!;
    private string _before = null!;
    private string _after = null!;

    [OneTimeSetUp]
    public async Task UnpackBothWaysAsync()
    {
        _directory = new TempDirectory();
        _before = _directory.Combine("before");
        Shell.Run("cp", "-a", DebianMinbase.Root, _before);
        var image = new TestImage().Layer(BuiltLayer.FromGzipFile(DebianMinbase.LayerFile)).Build();
        var layout = _directory.Combine("layout");
        image.WriteOciLayout(layout, "12");
        var acquirer = new ImageAcquirer(Options.Create(new ImageAcquisitionOptions()), NullLogger<ImageAcquirer>.Instance, TimeProvider.System);
        var acquired = await acquirer.AcquireAsync(new ImageAcquisitionRequest { Source = ImageSource.Parse($"oci:{layout}:12"), WorkDirectory = _directory.Combine("work") }, null, CancellationToken.None);
        _after = acquired.RootFileSystemPath;
        Assert.That(ContainerMarker.Mark(_before) && ContainerMarker.Mark(_after), Is.True);
    }

    [OneTimeTearDown]
    public void Remove() => _directory.Dispose();

    [Test]
    public void Minbase_HasLinksThatLeaveTheRoot_AndTheAcquiredRootHasNone()
    {
        Assert.That(AbsoluteLinks(_before), Does.Contain("etc/localtime").And.Contain("etc/alternatives/awk"));
        Assert.That(AbsoluteLinks(_after), Is.Empty);
        Assert.That(new FileInfo(Path.Combine(_after, "etc/localtime")).LinkTarget, Is.EqualTo("../usr/share/zoneinfo/Etc/UTC"));
    }

    [TestCase("standard")]
    [TestCase("(all)")]
    public async Task Scan_BeforeAndAfterConfinement_ChangesOnlyThePinnedRules(string profile, CancellationToken cancellationToken)
    {
        var before = await ScanAsync(_before, profile, cancellationToken);
        var after = await ScanAsync(_after, profile, cancellationToken);

        var changed = after.Results.Where(r => before.Results.GetValueOrDefault(r.Key) != r.Value)
            .ToDictionary(r => r.Key, r => $"{before.Results.GetValueOrDefault(r.Key)} -> {r.Value}", StringComparer.Ordinal);
        Assert.That(after.Results.Keys, Is.EquivalentTo(before.Results.Keys));
        Assert.That(changed, Is.EquivalentTo(Changed[profile]));
        // Why nothing else changes: no file oscap collected is reached through a link that left the root.
        Assert.That(before.CollectedPaths, Is.Not.Empty);
        Assert.That(before.CollectedPaths.Where(p => HostResolution(_before, p) != RootedPath.Resolve(_before, p)), Is.Empty,
            "files the unconfined scan read from outside the image");
    }

    private async Task<Scan> ScanAsync(string root, string profile, CancellationToken cancellationToken)
    {
        var work = _directory.Combine("oscap-" + Path.GetFileName(root) + "-" + profile.Trim('(', ')'));
        Directory.CreateDirectory(work);
        var arf = Path.Combine(work, "arf.xml");
        var run = await Testing.Oscap.RunAsync(root, work, ["xccdf", "eval", "--profile", profile, "--results-arf", arf, ScapContent.Debian12DataStream], cancellationToken);
        Assert.That(run.ExitCode, Is.EqualTo(0).Or.EqualTo(2), run.StandardError);
        return Scan.Read(arf);
    }

    private static List<string> AbsoluteLinks(string root) =>
        [.. Directory.EnumerateFileSystemEntries(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Where(p => new FileInfo(p).LinkTarget is { } target && target.StartsWith('/'))
            .Select(p => Path.GetRelativePath(root, p))];

    /// <summary>Where the kernel lands opening ROOT/path from the host, as oscap's probes do.</summary>
    private static string HostResolution(string root, string path)
    {
        var psi = new System.Diagnostics.ProcessStartInfo("realpath", ["-m", "--", root + path]) { RedirectStandardOutput = true };
        using var realpath = System.Diagnostics.Process.Start(psi)!;
        var resolved = realpath.StandardOutput.ReadToEnd().Trim();
        realpath.WaitForExit();
        return resolved;
    }

    /// <summary>The rule results of an ARF (notselected left out) and the file paths of the items oscap collected.</summary>
    private sealed record Scan(Dictionary<string, string> Results, List<string> CollectedPaths)
    {
        private const string Xccdf = "http://checklists.nist.gov/xccdf/1.2";

        public static Scan Read(string arf)
        {
            var results = new Dictionary<string, string>(StringComparer.Ordinal);
            var paths = new SortedSet<string>(StringComparer.Ordinal);
            using var reader = XmlReader.Create(arf, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
            string? rule = null;
            var inSystemCharacteristics = false;
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "system_data")
                {
                    inSystemCharacteristics = false;
                }

                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (reader.LocalName == "system_data")
                {
                    inSystemCharacteristics = true;
                }
                else if (reader.LocalName == "rule-result" && reader.NamespaceURI == Xccdf)
                {
                    rule = reader.GetAttribute("idref");
                }
                else if (reader.LocalName == "result" && reader.NamespaceURI == Xccdf && rule is not null)
                {
                    var result = reader.ReadElementContentAsString();
                    if (result != "notselected")
                    {
                        results[rule] = result;
                    }

                    rule = null;
                }
                else if (inSystemCharacteristics && reader.LocalName == "filepath")
                {
                    var path = reader.ReadElementContentAsString();
                    if (path.StartsWith('/'))
                    {
                        paths.Add(path);
                    }
                }
            }

            return new Scan(results, [.. paths]);
        }
    }
}
