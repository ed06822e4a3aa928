namespace ManageIQ.OpenScap.Contracts.Leadership;

/// <summary>
/// This replica's hold on the single-active guard. Bind all active work to <see cref="Lost"/>; dispose the lease
/// after that work has stopped, which releases it so a successor takes over at once.
/// </summary>
public interface IActiveLease : IAsyncDisposable
{
    /// <summary>Who holds it: <see cref="IActiveGuard.Identity"/> of the guard it came from.</summary>
    string HolderIdentity { get; }

    /// <summary>What is held, for logs: <c>Lease management-infra/manageiq-openscap-bridge</c>, or the lock file's path.</summary>
    string Resource { get; }

    /// <summary>
    /// Cancelled at once when the lease stops being held: lost to another holder, not renewed in time, or released.
    /// </summary>
    CancellationToken Lost { get; }

    /// <summary>False from the moment <see cref="Lost"/> is cancelled.</summary>
    bool IsHeld { get; }
}
