using System.Buffers.Binary;
using ManageIQ.OpenScap.Images;
using ManageIQ.OpenScap.Testing;

namespace ManageIQ.OpenScap.Packages.Tests.Rpm;

/// <summary>
/// Berkeley DB <c>Packages</c> files written by libdb itself (db5.3_load) from headers rpm wrote, read back and
/// compared with Debian's rpm reading the same file (its bdb_ro backend); damaged files are refused by name.
/// </summary>
[CancelAfter(120_000)]
public class RpmBerkeleyDbInventoryTests
{
    private static readonly OsRelease Rhel8 = new() { Id = "rhel", VersionId = "8.10", IdLike = ["fedora"] };

    [TestCase(4096, false)]
    [TestCase(512, false)]
    [TestCase(512, true)]
    public async Task ReadAsync_LibdbWrittenPackages_ListsWhatRpmLists(int pageSize, bool bigEndian)
    {
        using var directory = new TempDirectory();
        var root = WriteRoot(directory, pageSize, bigEndian);

        var inventory = await InventoryReaders.Create().ReadAsync(root, Rhel8, CancellationToken.None);

        var expected = Shell.Output("rpm", "--root", root, "--dbpath", "/var/lib/rpm", "--define", "_db_backend bdb_ro", "-qa", "--qf", "%{NAME}|%|EPOCH?{%{EPOCH}:}|%{VERSION}-%{RELEASE}|%{SOURCERPM}\\n")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal);
        Assert.That((inventory.Kind, inventory.Listed, inventory.Source), Is.EqualTo((PackageDatabaseKind.Rpm, true, RpmBerkeleyDb.PackagesFile)));
        Assert.That(inventory.Packages.Select(p => $"{p.Name}|{p.Version}|{p.SourceName}").Order(StringComparer.Ordinal), Is.EqualTo(expected.Select(l => string.Join('|', l.Split('|')[..2]) + "|" + l.Split('|')[2].Split('-')[0])));
        Assert.That(inventory.Packages.Select(p => p.Name), Is.EquivalentTo(new[] { "bind", "bind-libs", "bind-utils", "zlib" }), "rpm's record 0 is not a package");
        Assert.That(inventory.Packages.Single(p => p.Name == "bind-libs"), Is.EqualTo(new InstalledPackage("bind-libs", "32:9.11.36-16.el8_10.2", "noarch", "bind", "32:9.11.36-16.el8_10.2")));
    }

    private static IEnumerable<TestCaseData> Damage()
    {
        yield return new TestCaseData(new Action<byte[]>(b => b[12] ^= 0xff), "has no Berkeley DB hash magic number").SetName("bad magic");
        yield return new TestCaseData(new Action<byte[]>(b => BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(20), 1000)), "has page size 1000").SetName("bad page size");
        yield return new TestCaseData(new Action<byte[]>(b => BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(32), 100_000)), "claims 100001 pages of 512 bytes").SetName("last page past the end");
        yield return new TestCaseData(new Action<byte[]>(b => b[24] = 1), "is encrypted").SetName("encrypted");
        yield return new TestCaseData(new Action<byte[]>(b => ForEachPage(b, 7, p => BinaryPrimitives.WriteUInt32LittleEndian(p[16..], 90_000))), "names page 90000, past the last page").SetName("overflow chain past the end");
        yield return new TestCaseData(new Action<byte[]>(b => ForEachPage(b, 7, p => BinaryPrimitives.WriteUInt32LittleEndian(p[16..], BinaryPrimitives.ReadUInt32LittleEndian(p[8..])))), "longer than the header it continues").SetName("overflow chain back to itself");
        yield return new TestCaseData(new Action<byte[]>(b => ForEachPage(b, 7, p =>
        {
            BinaryPrimitives.WriteUInt32LittleEndian(p[16..], BinaryPrimitives.ReadUInt32LittleEndian(p[8..]));
            BinaryPrimitives.WriteUInt16LittleEndian(p[22..], 0);
        })), "overflow chain loops").SetName("overflow chain loop of empty pages");
        yield return new TestCaseData(new Action<byte[]>(b => ForEachPage(b, 7, p => BinaryPrimitives.WriteUInt16LittleEndian(p[22..], 4000))), "longer than the header it continues").SetName("overflow length past the page");
        yield return new TestCaseData(new Action<byte[]>(b => ForEachPage(b, 13, p => BinaryPrimitives.WriteUInt16LittleEndian(p[20..], 3))), "claims 3 items, not key/value pairs").SetName("odd item count");
        yield return new TestCaseData(new Action<byte[]>(b => ForEachPage(b, 13, p => BinaryPrimitives.WriteUInt16LittleEndian(p[26..], 9000))), "outside the page's item area").SetName("item offset past the page");
    }

    [TestCaseSource(nameof(Damage))]
    public async Task ReadAsync_DamagedPackagesFile_IsRefusedByName(Action<byte[]> damage, string expected)
    {
        using var directory = new TempDirectory();
        var root = WriteRoot(directory, 512, bigEndian: false);
        var path = Path.Combine(root, RpmBerkeleyDb.PackagesFile);
        var bytes = await File.ReadAllBytesAsync(path);
        damage(bytes);
        await File.WriteAllBytesAsync(path, bytes);

        var e = Assert.ThrowsAsync<PackageInventoryException>(() => InventoryReaders.Create().ReadAsync(root, Rhel8, CancellationToken.None));

        Assert.That(e!.Message, Does.StartWith(RpmBerkeleyDb.PackagesFile + " "));
        Assert.That(e.Message, Does.Contain(expected));
    }

    [Test]
    public async Task ReadAsync_TruncatedPackagesFile_IsRefused()
    {
        using var directory = new TempDirectory();
        var root = WriteRoot(directory, 512, bigEndian: false);
        var path = Path.Combine(root, RpmBerkeleyDb.PackagesFile);
        var bytes = await File.ReadAllBytesAsync(path);
        await File.WriteAllBytesAsync(path, bytes[..(bytes.Length - 700)]);

        var e = Assert.ThrowsAsync<PackageInventoryException>(() => InventoryReaders.Create().ReadAsync(root, Rhel8, CancellationToken.None));

        Assert.That(e!.Message, Does.Contain("pages of 512 bytes but has"));
    }

    private static string WriteRoot(TempDirectory directory, int pageSize, bool bigEndian)
    {
        var root = directory.Combine("rootfs");
        SyntheticRpmRoot.Write(root, directory.Combine("rpmbuild"), [new("bind", "9.11.36", "16.el8_10.2", Epoch: 32, SubPackages: ["bind-libs", "bind-utils"]), new("zlib", "1.2.11", "25.el8")], versionId: "8.10");
        RpmBerkeleyDb.Convert(root, pageSize, bigEndian);
        return root;
    }

    /// <summary>Applies <paramref name="change"/> to every page of <paramref name="type"/> (512-byte pages, little-endian).</summary>
    private static void ForEachPage(byte[] file, byte type, SpanAction change)
    {
        for (var offset = 512; offset + 512 <= file.Length; offset += 512)
        {
            if (file[offset + 25] == type)
            {
                change(file.AsSpan(offset, 512));
            }
        }
    }

    private delegate void SpanAction(Span<byte> page);
}
