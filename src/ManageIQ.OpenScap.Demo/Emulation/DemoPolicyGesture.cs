using System.Globalization;
using ManageIQ.OpenScap.Control;
using ManageIQ.OpenScap.Control.Configuration;
using ManageIQ.OpenScap.Control.Registration;
using ManageIQ.OpenScap.ManageIq;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ManageIQ.OpenScap.Demo.Emulation;

/// <summary>
/// The operator's part before the bridge scans: register the bridge's profile, then tick it for the provider, as
/// "Policy > Manage Policies" does in ManageIQ's UI. It runs as ManageIQ's administrator through the same registrar as
/// <c>bridge policies register</c> with <c>Bridge:Policies:AssignTo</c>; the bridge's own user needs no Control feature.
/// </summary>
public static class DemoPolicyGesture
{
    /// <summary>The emulator's seeded administrator (a fresh appliance's).</summary>
    public const string AdminUser = "admin";
    private const string AdminPassword = "smartvm";

    public static async Task<RegistrationReport> RegisterAndAssignAsync(Uri manageIq, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manageIq);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ManageIq:BaseUrl"] = manageIq.AbsoluteUri,
            ["ManageIq:User"] = AdminUser,
            ["ManageIq:Password"] = AdminPassword,
            [BridgePoliciesOptions.SectionName + ":AssignTo:0"] = DemoSeed.ProviderId.ToString(CultureInfo.InvariantCulture),
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddManageIqClient(configuration.GetSection("ManageIq"));
        services.AddPolicyRegistration(configuration);
        await using var provider = services.BuildServiceProvider();
        return await provider.GetRequiredService<IPolicyRegistrar>().RegisterAsync(cancellationToken).ConfigureAwait(false);
    }
}
