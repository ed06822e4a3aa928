using ManageIQ.OpenScap.Analysis.Configuration;
using ManageIQ.OpenScap.Service.Configuration;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Service.Dispatch;

/// <summary>The backend a provider's scans run on: its <c>Backend</c> override, else <c>Bridge:Backend</c>.</summary>
public sealed class BackendChoice(IOptions<AnalysisOptions> analysis, IOptionsMonitor<ServiceOptions> service)
{
    public string For(long providerId) => ScanLimitsFactory.Override(service.CurrentValue, providerId)?.Backend ?? analysis.Value.Backend;
}
