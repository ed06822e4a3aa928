using ManageIQ.OpenScap.Analysis.Configuration;
using ManageIQ.OpenScap.Contracts.Scanning;
using ManageIQ.OpenScap.Service.Configuration;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Service.Dispatch;

/// <summary>The backend a provider's scans run on: its <c>Backend</c> override, else <c>Bridge:Backend</c>.</summary>
public sealed class BackendChoice(IOptions<AnalysisOptions> analysis, IOptionsMonitor<ServiceOptions> service, IEnumerable<IScanBackend> backends)
{
    public string For(long providerId) => ScanLimitsFactory.Override(service.CurrentValue, providerId)?.Backend ?? analysis.Value.Backend;

    /// <summary>The <see cref="IScanBackend.ContentSource"/> of the provider's backend: the inspector image for <c>kubernetes</c>.</summary>
    public string? ContentSourceFor(long providerId)
    {
        var name = For(providerId);
        return backends.FirstOrDefault(b => b.Name == name)?.ContentSource;
    }
}
