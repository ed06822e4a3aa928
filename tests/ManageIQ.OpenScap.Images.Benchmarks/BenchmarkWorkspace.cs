using ManageIQ.OpenScap.Testing;

namespace ManageIQ.OpenScap.Images.Benchmarks;

/// <summary>
/// The benchmark's cached inputs: a bookworm minbase root from mmdebstrap, and its layers as
/// tar+gzip written by GNU tar and gzip -6 (one layer; and three layers split by directory).
/// </summary>
internal static class BenchmarkWorkspace
{
    public const string WorkEnvironment = "MIQ_IMAGES_BENCH_WORK";

    public static string Directory => Environment.GetEnvironmentVariable(WorkEnvironment) ?? "/var/tmp/miq-images-bench";

    public static string RootFs => Path.Combine(Directory, "rootfs");

    public static string[] LayerFiles(string image) => image == "1-layer"
        ? [Path.Combine(Directory, "full.tar.gz")]
        : [Path.Combine(Directory, "base.tar.gz"), Path.Combine(Directory, "usr-share.tar.gz"), Path.Combine(Directory, "var.tar.gz")];

    /// <summary>Takes <c>--work DIR</c> from the arguments, when given, and creates the workspace.</summary>
    public static void SetDirectory(string[] args)
    {
        var index = Array.IndexOf(args, "--work");
        if (index >= 0 && index + 1 < args.Length)
        {
            Environment.SetEnvironmentVariable(WorkEnvironment, Path.GetFullPath(args[index + 1]));
        }

        System.IO.Directory.CreateDirectory(Directory);
    }

    public static void Prepare(string[] args)
    {
        SetDirectory(args);
        if (!File.Exists(Path.Combine(RootFs, "etc", "os-release")) && !File.Exists(Path.Combine(RootFs, "usr", "lib", "os-release")))
        {
            if (System.IO.Directory.Exists(RootFs))
            {
                System.IO.Directory.Delete(RootFs, recursive: true);
            }

            Console.WriteLine("Building a bookworm minbase root with mmdebstrap…");
            Shell.Run("mmdebstrap", "--variant=minbase", "--quiet", "bookworm", RootFs, DebianMirror.Read());
        }

        Compress("full.tar.gz", ".");
        Compress("base.tar.gz", ".", "--exclude=./usr/share", "--exclude=./var");
        Compress("usr-share.tar.gz", "./usr/share");
        Compress("var.tar.gz", "./var");
    }

    private static void Compress(string name, string what, params string[] excludes)
    {
        var output = Path.Combine(Directory, name);
        if (File.Exists(output))
        {
            return;
        }

        var excluded = string.Join(' ', excludes);
        Shell.Run("/bin/sh", "-c", $"tar -C '{RootFs}' --numeric-owner --sort=name {excluded} -cf - {what} | gzip -6 > '{output}.tmp' && mv '{output}.tmp' '{output}'");
    }
}
