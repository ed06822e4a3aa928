using ManageIQ.OpenScap.Control.Configuration;
using ManageIQ.OpenScap.Control.Logging;
using ManageIQ.OpenScap.ManageIq.Errors;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Control.Registration;

/// <summary>
/// What <c>serve</c> calls when it starts: registers the profiles when <c>Bridge:Policies:RegisterOnStart</c> is set.
/// A ManageIQ that refuses or does not answer, or a bad policy file, is logged and reported, not thrown: scanning
/// does not depend on the profiles. Only cancellation propagates.
/// </summary>
public sealed class PolicyStartupRegistration
{
    private readonly IPolicyRegistrar _registrar;
    private readonly IOptions<BridgePoliciesOptions> _options;
    private readonly ILogger<PolicyStartupRegistration> _logger;

    public PolicyStartupRegistration(IPolicyRegistrar registrar, IOptions<BridgePoliciesOptions> options, ILogger<PolicyStartupRegistration> logger)
    {
        _registrar = registrar;
        _options = options;
        _logger = logger;
    }

    /// <summary>The run's report; null when registration at start is off or failed (the log says which).</summary>
    public async Task<RegistrationReport?> RunAsync(CancellationToken cancellationToken)
    {
        if (!_options.Value.RegisterOnStart)
        {
            Log.StartupRegistrationOff(_logger);
            return null;
        }

        try
        {
            var report = await _registrar.RegisterAsync(cancellationToken).ConfigureAwait(false);
            var conflicts = report.Outcomes.Count(o => o.Kind == OutcomeKind.Conflict);
            var failures = report.Outcomes.Count(o => o.Kind == OutcomeKind.Failed);
            Log.StartupRegistered(_logger, report.Writes, conflicts, failures);
            return report;
        }
        catch (Exception e) when (e is ManageIqException or Format.ControlFileException && !cancellationToken.IsCancellationRequested)
        {
            Log.StartupRegistrationFailed(_logger, e);
            return null;
        }
    }
}
