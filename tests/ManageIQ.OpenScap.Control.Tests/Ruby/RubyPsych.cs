using System.Diagnostics;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.Control.Tests.Ruby;

/// <summary>Debian's ruby running <c>load_control_export.rb</c>: a file as ManageIQ's importer loads it, as JSON.</summary>
internal static class RubyPsych
{
    private static readonly string Script = Path.Combine(AppContext.BaseDirectory, "Ruby", "load_control_export.rb");

    public static bool Available => File.Exists("/usr/bin/ruby");

    /// <summary>The view of <paramref name="path"/>; throws with Ruby's message when Psych refuses it.</summary>
    public static async Task<JToken> LoadAsync(string path, CancellationToken cancellationToken)
    {
        var psi = new ProcessStartInfo("/usr/bin/ruby") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Script);
        psi.ArgumentList.Add(path);
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("ruby did not start");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new RubyLoadException($"Psych refused {path}: {await stderr}");
        }

        using var reader = new JsonTextReader(new StringReader(await stdout)) { DateParseHandling = DateParseHandling.None };
        return JToken.Load(reader);
    }

    public static void RequireRuby()
    {
        if (!Available)
        {
            Assert.Fail("Debian's ruby is not installed: run tests/setup.sh (PACKAGES has ruby).");
        }
    }
}
