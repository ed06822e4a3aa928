using ManageIQ.OpenScap.State.Database;
using ManageIQ.OpenScap.State.Results;

namespace ManageIQ.OpenScap.Service.Health;

/// <summary>Ready while the state store answers a query.</summary>
public sealed class StateStoreReadinessCheck(IResultStore store) : IReadinessCheck
{
    public string Name => "store";

    public async Task<ReadinessResult> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            await store.CountWaitingAsync(cancellationToken).ConfigureAwait(false);
            return ReadinessResult.Pass;
        }
        catch (Exception e) when (e is StateStoreException or Microsoft.Data.Sqlite.SqliteException or IOException)
        {
            return ReadinessResult.Fail(e.Message);
        }
    }
}
