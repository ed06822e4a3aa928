namespace ManageIQ.OpenScap.Oval.Tests;

/// <summary>A root's dpkg status read the plain way, for a test's expectations: packages with versions, and every binary and source name.</summary>
internal static class DpkgStatusNames
{
    public static (List<Testing.DebianPackage> Packages, HashSet<string> Names) Read(string root)
    {
        var packages = new List<Testing.DebianPackage>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        string? name = null, version = null;
        foreach (var line in File.ReadLines(Path.Combine(root, "var/lib/dpkg/status")).Append(string.Empty))
        {
            if (line.StartsWith("Package: ", StringComparison.Ordinal))
            {
                name = line[9..];
                names.Add(name);
            }
            else if (line.StartsWith("Version: ", StringComparison.Ordinal))
            {
                version = line[9..];
            }
            else if (line.StartsWith("Source: ", StringComparison.Ordinal))
            {
                names.Add(line[8..].Split(' ')[0]);
            }
            else if (line.Length == 0 && name is not null && version is not null)
            {
                packages.Add(new Testing.DebianPackage(name, version));
                (name, version) = (null, null);
            }
        }

        return (packages, names);
    }
}
