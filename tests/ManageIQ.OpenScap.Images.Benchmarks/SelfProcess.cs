namespace ManageIQ.OpenScap.Images.Benchmarks;

/// <summary>The command that starts this benchmark program again, for a measurement in a process of its own.</summary>
internal static class SelfProcess
{
    public static string[] Command()
    {
        var host = Environment.ProcessPath ?? "dotnet";
        return Path.GetFileNameWithoutExtension(host) == "dotnet" ? [host, typeof(SelfProcess).Assembly.Location] : [host];
    }
}
