using ManageIQ.OpenScap.ManageIq.Emulator;
using ManageIQ.OpenScap.ManageIq.Emulator.Seeding;
using ManageIQ.OpenScap.ManageIq.Probing;

namespace ManageIQ.OpenScap.ManageIq.Tests.Probing;

/// <summary>Emulated users for the probe: one whose role grants exactly the features of <see cref="ManageIqFeatures"/>, or fewer.</summary>
internal static class ProbeUsers
{
    public const string UserId = "bridge";
    public const string Password = "bridge-password";
    public const string Group = "OpenSCAP bridge";

    /// <summary>
    /// Features a node grants without being listed: a role granting <c>condition</c> (all of Conditions, which the API
    /// needs to list conditions) has <c>condition_new</c> and <c>condition_edit</c> with it.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> ImpliedBy = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["condition_new"] = "condition",
        ["condition_edit"] = "condition",
    };

    /// <summary>One identifier per gated call, the first of its alternatives: the least role that passes the probe.</summary>
    public static IReadOnlyList<string> MinimalRole(ManageIqCapabilities capabilities = ManageIqCapabilities.All) =>
        [.. ManageIqFeatures.For(capabilities).Where(r => r.IsGated).Select(r => r.Identifiers[0]).Distinct(StringComparer.Ordinal)];

    /// <summary>The minimal role without <paramref name="removed"/> (and without the node that would grant one anyway).</summary>
    public static IReadOnlyList<string> MinimalRoleWithout(params string[] removed)
    {
        var gone = removed.Concat(removed.Where(ImpliedBy.ContainsKey).Select(r => ImpliedBy[r])).ToHashSet(StringComparer.Ordinal);
        return [.. MinimalRole().Where(f => !gone.Contains(f))];
    }

    public static Task<ClientHarness> StartAsync(IEnumerable<string> features, Action<ManageIqProbeOptions>? probe = null, string? apiVersion = null) =>
        ClientHarness.StartAsync(
            o =>
            {
                o.User = UserId;
                o.Password = Password;
            },
            new EmulatorOptions
            {
                Seed = EmulatorSeed.WithUser(Seeds.Default(), UserId, Password, Group, features, "OpenSCAP bridge service"),
                ApiVersion = apiVersion ?? "4.4.0-pre",
            },
            probe: probe);
}
