using ManageIQ.OpenScap.State;
using ManageIQ.OpenScap.State.Results;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ManageIQ.OpenScap.Demo.Hosting;

/// <summary>Reads the bridge's store before the service starts: the latest result of each demo image, from an earlier run.</summary>
public static class DemoStore
{
    public static async Task<IReadOnlyDictionary<long, StoredResult>> LatestAsync(string stateDirectory, IEnumerable<long> imageIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(imageIds);
        var latest = new Dictionary<long, StoredResult>();
        if (!File.Exists(Path.Combine(stateDirectory, "state.db")))
        {
            return latest;
        }

        var services = new ServiceCollection().AddStateStore(o => o.StateDirectory = stateDirectory);
        await using (var provider = services.BuildServiceProvider())
        {
            var store = provider.GetRequiredService<IResultStore>();
            foreach (var id in imageIds)
            {
                if (await store.GetLatestAsync(id, cancellationToken).ConfigureAwait(false) is { } result)
                {
                    latest[id] = result;
                }
            }
        }

        // The service opens the database next, as a new process would.
        SqliteConnection.ClearAllPools();
        return latest;
    }
}
