namespace ManageIQ.OpenScap.Testing;

/// <summary>Locates files of the repository from a test's output directory.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Locate();

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "ManageIQ.OpenScap.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ManageIQ.OpenScap.sln not found above " + AppContext.BaseDirectory);
    }
}
