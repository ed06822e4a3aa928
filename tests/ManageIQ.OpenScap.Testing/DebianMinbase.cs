namespace ManageIQ.OpenScap.Testing;

/// <summary>
/// A real Debian 12 minbase root (mmdebstrap from the machine's own mirror, as tests/lib does for
/// the demo) and its layer (GNU tar + gzip), built once and kept across runs in
/// <c>$MIQ_MINBASE_DIR</c> (default <c>/var/tmp/miq-openscap-minbase</c>). Concurrent test processes
/// wait for one another.
/// </summary>
public static class DebianMinbase
{
    public const string DirectoryEnvironment = "MIQ_MINBASE_DIR";
    private static readonly Lock Gate = new();

    public static string Directory => Environment.GetEnvironmentVariable(DirectoryEnvironment) ?? "/var/tmp/miq-openscap-minbase";

    /// <summary>The root filesystem, as mmdebstrap left it (its links as Debian writes them).</summary>
    public static string Root
    {
        get
        {
            Prepare();
            return Path.Combine(Directory, "rootfs");
        }
    }

    /// <summary>The root as one tar+gzip layer file.</summary>
    public static string LayerFile
    {
        get
        {
            Prepare();
            return Path.Combine(Directory, "rootfs.tar.gz");
        }
    }

    private static void Prepare()
    {
        lock (Gate)
        {
            System.IO.Directory.CreateDirectory(Directory);
            using var _ = HoldLock(Path.Combine(Directory, "build.lock"));
            var root = Path.Combine(Directory, "rootfs");
            if (!File.Exists(Path.Combine(Directory, "rootfs.done")))
            {
                var building = root + ".building";
                Shell.Run("rm", "-rf", building, root);
                TestContext.Progress.WriteLine("Building a bookworm minbase root with mmdebstrap (about a minute, once)");
                Shell.Run("mmdebstrap", "--variant=minbase", "--quiet", "bookworm", building, DebianMirror.Read());
                System.IO.Directory.Move(building, root);
                File.WriteAllText(Path.Combine(Directory, "rootfs.done"), string.Empty);
            }

            var layer = Path.Combine(Directory, "rootfs.tar.gz");
            if (!File.Exists(layer))
            {
                Shell.Run("/bin/sh", "-c", $"tar -C '{root}' --numeric-owner --sort=name -cf - . | gzip -1 > '{layer}.tmp' && mv '{layer}.tmp' '{layer}'");
            }
        }
    }

    /// <summary>An exclusive lock on a file, waited for: another test process may be building.</summary>
    private static FileStream HoldLock(string path)
    {
        var deadline = DateTime.UtcNow.AddMinutes(10);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(500);
            }
        }
    }
}
