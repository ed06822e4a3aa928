using ManageIQ.OpenScap.Control.Source;

namespace ManageIQ.OpenScap.Control.Registration;

/// <summary>Registers the bridge's Control profiles in ManageIQ and assigns them to providers.</summary>
public interface IPolicyRegistrar
{
    /// <summary>The profiles of the policy directory (<c>Bridge:Policies:Directory</c>).</summary>
    IReadOnlyList<PolicyProfileSource> LoadSources();

    /// <summary>Registers every profile of the policy directory, then assigns as <c>Bridge:Policies:AssignTo</c> says.</summary>
    Task<RegistrationReport> RegisterAsync(CancellationToken cancellationToken);

    Task<RegistrationReport> RegisterAsync(IReadOnlyList<PolicyProfileSource> sources, CancellationToken cancellationToken);

    /// <summary>Assigns the registered profile named <paramref name="profileName"/> (default <c>Bridge:Policies:AssignProfile</c>) to each provider.</summary>
    Task<RegistrationReport> AssignAsync(IReadOnlyCollection<long> providerIds, string? profileName, CancellationToken cancellationToken);
}
