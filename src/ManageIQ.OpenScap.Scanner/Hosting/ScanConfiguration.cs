using Microsoft.Extensions.Configuration;

namespace ManageIQ.OpenScap.Scanner.Hosting;

/// <summary>
/// The configuration sources of every process that scans, lowest first: the file named by
/// <c>MANAGEIQ_OPENSCAP_CONFIG</c>, the <c>--config</c> file (both JSON in the appsettings shape), environment
/// variables (<c>Section__Key</c>, with a prefix for the inspector), and the keys set by flags.
/// </summary>
public static class ScanConfiguration
{
    public const string ConfigFileVariable = "MANAGEIQ_OPENSCAP_CONFIG";

    public static IConfigurationBuilder AddScanConfiguration(
        this IConfigurationBuilder builder, string? configFile, IReadOnlyDictionary<string, string?> flags, string? environmentPrefix = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(flags);
        if (Environment.GetEnvironmentVariable(ConfigFileVariable) is { Length: > 0 } named)
        {
            builder.AddJsonFile(Path.GetFullPath(named), optional: false, reloadOnChange: false);
        }

        if (configFile is not null)
        {
            builder.AddJsonFile(Path.GetFullPath(configFile), optional: false, reloadOnChange: false);
        }

        builder = environmentPrefix is null ? builder.AddEnvironmentVariables() : builder.AddEnvironmentVariables(environmentPrefix);
        return builder.AddInMemoryCollection(flags);
    }
}
