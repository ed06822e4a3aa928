using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace ManageIQ.OpenScap.Testing;

/// <summary>
/// Turns a synthetic root's rpmdb.sqlite into the Berkeley DB hash <c>Packages</c> file of rpm before 4.16 (RHEL 8):
/// the same headers, keyed by header number, plus rpm's record 0, and the <c>Name</c> index that rpm's (and oscap's
/// rpminfo) lookups by name use, loaded by libdb's own <c>db5.3_load</c> (tests/setup.sh installs db5.3-util;
/// Debian's rpm reads Berkeley DB but no longer writes it).
/// </summary>
public static class RpmBerkeleyDb
{
    public const string PackagesFile = "var/lib/rpm/Packages";

    /// <param name="root">A root written by <see cref="SyntheticRpmRoot"/>.</param>
    /// <param name="pageSize">The database page size: 512 puts every header on a chain of overflow pages.</param>
    /// <param name="bigEndian">Write a big-endian database, as an s390x image has.</param>
    public static void Convert(string root, int pageSize = 4096, bool bigEndian = false)
    {
        var sqlite = Path.Combine(root, "var/lib/rpm/rpmdb.sqlite");
        var dump = new StringBuilder($"VERSION=3\nformat=bytevalue\ntype=hash\ndb_pagesize={pageSize}\ndb_lorder={(bigEndian ? 4321 : 1234)}\nHEADER=END\n");
        var names = new StringBuilder(dump.ToString());
        var last = 0L;
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = sqlite, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT hnum, blob FROM Packages ORDER BY hnum";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                last = reader.GetInt64(0);
                dump.Append(' ').Append(Key((uint)last, bigEndian)).Append("\n ").Append(System.Convert.ToHexStringLower((byte[])reader.GetValue(1))).Append('\n');
            }

            // Name index: each name to its (header number, tag index) pairs.
            using var index = connection.CreateCommand();
            index.CommandText = "SELECT key, group_concat(printf('%x:%x', hnum, idx), ' ') FROM (SELECT key, hnum, idx FROM Name ORDER BY hnum) GROUP BY key";
            using var entries = index.ExecuteReader();
            while (entries.Read())
            {
                var pairs = entries.GetString(1).Split(' ').Select(p => p.Split(':')).Select(p => Key(uint.Parse(p[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture), bigEndian) + Key(uint.Parse(p[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture), bigEndian));
                names.Append(' ').Append(System.Convert.ToHexStringLower(Encoding.UTF8.GetBytes(entries.GetString(0)))).Append("\n ").Append(string.Concat(pairs)).Append('\n');
            }
        }

        dump.Append(' ').Append(Key(0, bigEndian)).Append("\n ").Append(Key((uint)last + 1, bigEndian)).Append("\nDATA=END\n");
        var dumpFile = Path.Combine(root, "var/lib/rpm/packages.dump");
        File.WriteAllText(dumpFile, dump.ToString());
        Shell.Run("db5.3_load", "-f", dumpFile, Path.Combine(root, PackagesFile));
        File.WriteAllText(dumpFile, names.Append("DATA=END\n").ToString());
        Shell.Run("db5.3_load", "-f", dumpFile, Path.Combine(root, "var/lib/rpm/Name"));
        foreach (var file in Directory.GetFiles(Path.Combine(root, "var/lib/rpm")).Where(f => Path.GetFileName(f) is not ("Packages" or "Name")))
        {
            File.Delete(file);
        }
    }

    private static string Key(uint value, bool bigEndian)
    {
        var bytes = new byte[4];
        if (bigEndian)
        {
            BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        }

        return System.Convert.ToHexStringLower(bytes).ToString(CultureInfo.InvariantCulture);
    }
}
