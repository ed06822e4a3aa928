namespace ManageIQ.OpenScap.Contracts.Leadership;

/// <summary>
/// When this replica is the active bridge, for work that only the holder may do and that starts on its own (the
/// orphan sweep). A process without it (a one-shot verb) is active from the start.
/// </summary>
public interface IActiveTerm
{
    /// <summary>Completes once this replica holds the guard, with a token cancelled when it stops holding it.</summary>
    Task<CancellationToken> WaitActiveAsync(CancellationToken cancellationToken);
}
