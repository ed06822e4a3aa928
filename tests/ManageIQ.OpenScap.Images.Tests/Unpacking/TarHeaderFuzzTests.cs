using System.Formats.Tar;
using System.Text;
using ManageIQ.OpenScap.Images.Unpacking;
using ManageIQ.OpenScap.Testing;

namespace ManageIQ.OpenScap.Images.Tests.Unpacking;

/// <summary>
/// Seeded mutations of valid layers' headers and PAX records (sizes, types, numbers, names; the
/// checksum kept valid so the tar reader parses them): every one unpacks, or fails with the
/// unpacker's own error (or a storage error for a name the file system refuses). Nothing else escapes.
/// </summary>
public class TarHeaderFuzzTests : UnpackRootFixture
{
    private const int Mutations = 300;
    private static readonly (int Offset, int Length)[] Fields =
        [(0, 100), (100, 8), (108, 8), (116, 8), (124, 12), (136, 12), (156, 1), (157, 100), (257, 8), (329, 16), (345, 155)];

    private static readonly string[] Numbers =
        ["99999999999999999999999", "-1", "+7", " 12 ", "1e30", "0x10", "", "4294967296", "2147483648", "9223372036854775807", "1.5", "٣"];

    [Test]
    public void Unpack_MutatedHeaders_UnpackOrFailWithTheUnpackersOwnError()
    {
        var random = new Random(20241202);
        var bases = new[] { Pax(), Gnu() };
        var escaped = new List<string>();
        for (var i = 0; i < Mutations; i++)
        {
            var tar = (byte[])bases[i % bases.Length].Clone();
            var detail = random.Next(3) == 0 ? MutateRecord(tar, random) : MutateHeader(tar, random);
            var path = Scratch.Combine($"layer-{i}");
            File.WriteAllBytes(path, tar);
            var root = Scratch.Combine($"root-{i}");
            try
            {
                new LayerUnpacker(root, new UnpackBudget(UnpackLimits.Default), keepOwners: false).Unpack(path, null, CancellationToken.None);
            }
            catch (Exception ex) when (ex is LayerException or IOException)
            {
                // A clean failure.
            }
            catch (Exception ex)
            {
                escaped.Add($"{i} ({detail}): {ex.GetType().Name}: {ex.Message}");
            }
            finally
            {
                RootFileSystem.Delete(root);
            }
        }

        Assert.That(escaped, Is.Empty);
    }

    /// <summary>Random bytes, or a number pattern, into one field of one header; the checksum recomputed.</summary>
    private static string MutateHeader(byte[] tar, Random random)
    {
        var headers = HeaderOffsets(tar);
        var header = headers[random.Next(headers.Count)];
        var (offset, length) = Fields[random.Next(Fields.Length)];
        var field = tar.AsSpan(header + offset, length);
        switch (random.Next(4))
        {
            case 0:
                random.NextBytes(field);
                break;
            case 1:
                field[0] = random.Next(2) == 0 ? (byte)0x80 : (byte)0xFF;
                random.NextBytes(field[1..]);
                break;
            case 2:
                field.Fill((byte)'7');
                break;
            default:
                field[random.Next(length)] = (byte)"xgLKS0125\0"[random.Next(10)];
                break;
        }

        Checksum(tar.AsSpan(header, RawTar.BlockSize));
        return $"header at {header}, field {offset}";
    }

    /// <summary>A PAX record's value replaced by a hostile number of the same length, so the record stays well formed.</summary>
    private static string MutateRecord(byte[] tar, Random random)
    {
        var text = Encoding.Latin1.GetString(tar);
        var keys = new[] { "size=", "uid=", "gid=", "mode=", "mtime=", "path=" };
        var key = keys[random.Next(keys.Length)];
        var at = text.IndexOf(" " + key, StringComparison.Ordinal);
        if (at < 0)
        {
            return "no record";
        }

        var start = at + 1 + key.Length;
        var end = text.IndexOf('\n', start);
        var value = Numbers[random.Next(Numbers.Length)];
        var bytes = Encoding.UTF8.GetBytes(value.PadRight(end - start)[..(end - start)]);
        bytes.CopyTo(tar, start);
        return $"record {key}{value}";
    }

    private static List<int> HeaderOffsets(byte[] tar)
    {
        var offsets = new List<int>();
        for (var offset = 0; offset + RawTar.BlockSize <= tar.Length;)
        {
            var block = tar.AsSpan(offset, RawTar.BlockSize);
            if (!block.ContainsAnyExcept((byte)0))
            {
                break;
            }

            offsets.Add(offset);
            if (!TarNumber.TryParseSize(block.Slice(124, 12), out var size))
            {
                break;
            }

            offset += RawTar.BlockSize + (int)(size + RawTar.Padding(size));
        }

        return offsets;
    }

    private static void Checksum(Span<byte> header)
    {
        header.Slice(148, 8).Fill((byte)' ');
        var sum = 0;
        foreach (var b in header)
        {
            sum += b;
        }

        Encoding.ASCII.GetBytes(Convert.ToString(sum, 8).PadLeft(6, '0') + "\0 ").CopyTo(header[148..]);
    }

    private static byte[] Pax() => new TestLayer()
        .Directory("etc").File("etc/hostname", "box\n").File(string.Concat(Enumerable.Repeat("long-name/", 15)) + "file", new string('d', 700))
        .Symlink("etc/localtime", "/usr/share/zoneinfo/UTC").HardLink("etc/hosts", "etc/hostname").Whiteout("var/x").ToTar();

    private static byte[] Gnu()
    {
        using var output = new MemoryStream();
        using (var writer = new TarWriter(output, TarEntryFormat.Gnu, leaveOpen: true))
        {
            writer.WriteEntry(new GnuTarEntry(TarEntryType.Directory, "usr/"));
            writer.WriteEntry(new GnuTarEntry(TarEntryType.RegularFile, string.Concat(Enumerable.Repeat("gnu-long/", 15)) + "f") { DataStream = new MemoryStream(new byte[900]) });
            writer.WriteEntry(new GnuTarEntry(TarEntryType.SymbolicLink, "usr/link") { LinkName = "/" + string.Concat(Enumerable.Repeat("target/", 20)) });
        }

        return output.ToArray();
    }
}
