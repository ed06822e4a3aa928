using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ManageIQ.OpenScap.ManageIq.Emulator;
using ManageIQ.OpenScap.ManageIq.Emulator.Recording;
using ManageIQ.OpenScap.ManageIq.Emulator.Seeding;
using ManageIQ.OpenScap.ManageIq.Emulator.Store;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.Service.Benchmarks;

/// <summary>
/// The child process: the ManageIQ emulator on a loopback port, seeded with <c>GeneratedSeed.Create</c> (distinct
/// digests), driven by one-line commands on stdin, each answered by one JSON line of <see cref="EmulatorStats"/>:
/// <c>stats</c>; <c>wait COUNT SECONDS</c> (answers once COUNT images have <c>openscap_status</c>, or after SECONDS);
/// <c>quit</c>. The wait polls the store here, so the benchmark process spends nothing on watching.
/// </summary>
internal static partial class EmulatorProcess
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);

    public static async Task<int> ServeAsync(int providers, int images, TextReader input, TextWriter output)
    {
        await using var emulator = await ManageIqEmulator.StartAsync(new EmulatorOptions { Seed = GeneratedSeed.Create(providers, images) });
        await output.WriteLineAsync(emulator.BaseUri.ToString());
        await output.FlushAsync();
        while (await input.ReadLineAsync() is { } line && line != "quit")
        {
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var timedOut = false;
            if (words is ["wait", var count, var seconds])
            {
                var wanted = int.Parse(count, CultureInfo.InvariantCulture);
                var deadline = Stopwatch.StartNew();
                var limit = TimeSpan.FromSeconds(double.Parse(seconds, CultureInfo.InvariantCulture));
                while (WithResults(emulator.Store, images) < wanted && !(timedOut = deadline.Elapsed > limit))
                {
                    await Task.Delay(PollInterval);
                }
            }

            await output.WriteLineAsync(JsonSerializer.Serialize(Stats(emulator, images, timedOut)));
            await output.FlushAsync();
        }

        return 0;
    }

    private static int WithResults(EmulatorStore store, int images) => store.Read(s =>
    {
        var done = 0;
        for (var id = 1; id <= images; id++)
        {
            if (s.CustomAttributes.OwnedBy(EmulatorStore.Owner("ContainerImage", id)).Any(IsStatus))
            {
                done++;
            }
        }

        return done;
    });

    private static EmulatorStats Stats(ManageIqEmulator emulator, int images, bool timedOut)
    {
        var statuses = new SortedDictionary<string, int>(StringComparer.Ordinal);
        int withResults = 0, min = int.MaxValue, max = 0;
        emulator.Store.Read(s =>
        {
            for (var id = 1; id <= images; id++)
            {
                var attributes = s.CustomAttributes.OwnedBy(EmulatorStore.Owner("ContainerImage", id));
                if (attributes.FirstOrDefault(IsStatus) is not { } status)
                {
                    continue;
                }

                withResults++;
                var value = status.Value<string>("value") ?? "(null)";
                statuses[value] = statuses.GetValueOrDefault(value) + 1;
                var count = attributes.Count(a => a.Value<string>("name")?.StartsWith("openscap_", StringComparison.Ordinal) == true);
                min = Math.Min(min, count);
                max = Math.Max(max, count);
            }

            return 0;
        });

        var requests = emulator.Requests.All;
        var byKind = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var request in requests)
        {
            var kind = Kind(request);
            byKind[kind] = byKind.GetValueOrDefault(kind) + 1;
        }

        return new EmulatorStats(requests.Count, byKind, withResults, statuses, withResults == 0 ? 0 : min, max, timedOut);
    }

    private static bool IsStatus(JObject attribute) => attribute.Value<string>("name") == "openscap_status";

    /// <summary><c>GET /api/container_images/{id}</c>, with the query's <c>custom_attributes</c> and the POST's action noted.</summary>
    private static string Kind(RecordedRequest request)
    {
        var kind = request.Method + " " + Ids().Replace(request.Path, "/{id}");
        if (request.Query.Contains("custom_attributes", StringComparison.Ordinal))
        {
            kind += " (custom_attributes)";
        }

        if (request.Query.Contains("attributes=authorization", StringComparison.Ordinal))
        {
            kind += " (authorization)";
        }

        return request.Action is { } action ? kind + " action=" + action : kind;
    }

    [GeneratedRegex("/[0-9]+(?=/|$)")]
    private static partial Regex Ids();
}
