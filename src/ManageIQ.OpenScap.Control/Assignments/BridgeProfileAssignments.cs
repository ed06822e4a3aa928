using System.Collections.Concurrent;
using ManageIQ.OpenScap.Control.Configuration;
using ManageIQ.OpenScap.Control.Format;
using ManageIQ.OpenScap.Control.Logging;
using ManageIQ.OpenScap.Control.Ownership;
using ManageIQ.OpenScap.Control.Source;
using ManageIQ.OpenScap.ManageIq;
using ManageIQ.OpenScap.ManageIq.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Control.Assignments;

/// <summary>
/// Which providers have one of the bridge's profiles assigned: the operator's "Manage Policies" gesture. A profile is
/// the bridge's when it carries the <see cref="OwnershipMark"/> (registered by the bridge) or has the guid of a profile
/// of the policy files (imported through ManageIQ's own Control import, which keeps guids but writes no mark). One
/// request per provider read (<c>GET /api/providers/:id/policy_profiles</c>); the last answer per provider is kept, so
/// a caller can accept one of a given age instead of asking again.
/// </summary>
public sealed class BridgeProfileAssignments
{
    private readonly IManageIqControlClient _client;
    private readonly IOptions<BridgePoliciesOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<BridgeProfileAssignments> _logger;
    private readonly ConcurrentDictionary<long, (bool Assigned, DateTimeOffset ReadOn)> _known = new();
    private readonly Lazy<IReadOnlySet<string>> _guids;

    public BridgeProfileAssignments(IManageIqControlClient client, IOptions<BridgePoliciesOptions> options, TimeProvider time, ILogger<BridgeProfileAssignments> logger)
    {
        _client = client;
        _options = options;
        _time = time;
        _logger = logger;
        _guids = new(LoadGuids);
    }

    /// <summary>The profile is one of the bridge's: its mark, or a guid of the policy files.</summary>
    public bool IsBridgeProfile(PolicyProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return OwnershipMark.Read(profile.Notes) is not null || (profile.Guid is { } guid && _guids.Value.Contains(guid));
    }

    /// <summary>Reads the provider's assigned profiles (one request) and keeps whether one of them is the bridge's.</summary>
    public async Task<bool> ReadAsync(long providerId, CancellationToken cancellationToken)
    {
        var assigned = (await _client.GetProviderPolicyProfilesAsync(providerId, cancellationToken).ConfigureAwait(false)).Any(IsBridgeProfile);
        _known[providerId] = (assigned, _time.GetUtcNow());
        return assigned;
    }

    /// <summary>What the last read said when it is at most <paramref name="maxAge"/> old, else a new read.</summary>
    public async Task<bool> IsAssignedAsync(long providerId, TimeSpan maxAge, CancellationToken cancellationToken)
    {
        if (_known.TryGetValue(providerId, out var known) && _time.GetUtcNow() - known.ReadOn <= maxAge)
        {
            return known.Assigned;
        }

        return await ReadAsync(providerId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The policy files' profile guids; none (marks only) when the files can't be read, which registration reports.</summary>
    private HashSet<string> LoadGuids()
    {
        try
        {
            return PolicyDirectory.Load(_options.Value.Directory).Select(p => p.Guid).ToHashSet(StringComparer.Ordinal);
        }
        catch (ControlFileException e)
        {
            Log.PolicyGuidsUnreadable(_logger, e.Message);
            return [];
        }
    }
}
