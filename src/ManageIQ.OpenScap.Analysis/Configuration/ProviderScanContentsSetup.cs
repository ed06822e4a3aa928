using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Analysis.Configuration;

/// <summary>Binds each <c>Bridge:ProviderOverrides:&lt;id&gt;</c> that sets <c>Profile</c> or <c>TailoringFile</c>.</summary>
internal sealed class ProviderScanContentsSetup(IConfiguration configuration) : IConfigureOptions<ProviderScanContents>
{
    public void Configure(ProviderScanContents options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var provider in configuration.GetSection(ProviderScanContents.OverridesSection).GetChildren())
        {
            var content = new ProviderScanContent
            {
                Profile = provider[nameof(ProviderScanContent.Profile)],
                TailoringFile = provider[nameof(ProviderScanContent.TailoringFile)],
            };
            if (content.Profile is not null || content.TailoringFile is not null)
            {
                options.ByProvider[provider.Key] = content;
            }
        }
    }
}
