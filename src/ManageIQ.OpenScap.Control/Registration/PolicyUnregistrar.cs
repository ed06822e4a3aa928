using ManageIQ.OpenScap.Control.Logging;
using ManageIQ.OpenScap.Control.Ownership;
using ManageIQ.OpenScap.ManageIq;
using ManageIQ.OpenScap.ManageIq.Errors;
using ManageIQ.OpenScap.ManageIq.Models;
using Microsoft.Extensions.Logging;

namespace ManageIQ.OpenScap.Control.Registration;

/// <summary>
/// Removes every Control object that carries the bridge's <see cref="OwnershipMark"/>, whatever the policy files say
/// today: profiles are unassigned from every container provider, then deleted, then their policies and conditions.
/// Objects without the mark (ManageIQ's seeded profile, a user's copy) are never touched. Optionally deletes every
/// <c>openscap_</c> custom attribute of every container image.
/// </summary>
public sealed class PolicyUnregistrar
{
    /// <summary>The prefix of the attributes the bridge posts (<c>OpenScapAttributeNames.Prefix</c>).</summary>
    public const string AttributePrefix = "openscap_";

    private readonly IManageIqClient _client;
    private readonly ILogger<PolicyUnregistrar> _logger;

    public PolicyUnregistrar(IManageIqClient client, ILogger<PolicyUnregistrar> logger)
    {
        _client = client;
        _logger = logger;
    }

    public async Task<RegistrationReport> UnregisterAsync(CancellationToken cancellationToken)
    {
        var report = new RegistrationReport();
        var profiles = await Owned(_client.GetPolicyProfilesAsync(cancellationToken), p => p.Notes).ConfigureAwait(false);
        await foreach (var provider in _client.GetContainerProvidersAsync(cancellationToken).ConfigureAwait(false))
        {
            var assigned = await _client.GetProviderPolicyProfilesAsync(provider.Id, cancellationToken).ConfigureAwait(false);
            foreach (var profile in assigned.Where(a => profiles.Any(p => p.Id == a.Id)))
            {
                await RunAsync(report, OutcomeKind.Unassigned, "assignment", $"{profile.Name} -> provider {provider.Id}", profile.Guid, profile.Id,
                    () => _client.UnassignPolicyProfileAsync(provider.Id, profile.Id, cancellationToken)).ConfigureAwait(false);
            }
        }

        foreach (var profile in profiles)
        {
            await RunAsync(report, OutcomeKind.Deleted, "profile", profile.Name, profile.Guid, profile.Id, () => _client.DeletePolicyProfileAsync(profile.Id, cancellationToken)).ConfigureAwait(false);
        }

        foreach (var policy in await Owned(_client.GetPoliciesAsync(cancellationToken), p => p.Notes).ConfigureAwait(false))
        {
            await RunAsync(report, OutcomeKind.Deleted, "policy", policy.Name, policy.Guid, policy.Id, () => _client.DeletePolicyAsync(policy.Id, cancellationToken)).ConfigureAwait(false);
        }

        foreach (var condition in await Owned(_client.GetConditionsAsync(cancellationToken), c => c.Notes).ConfigureAwait(false))
        {
            await RunAsync(report, OutcomeKind.Deleted, "condition", condition.Name, condition.Guid, condition.Id, () => _client.DeleteConditionAsync(condition.Id, cancellationToken)).ConfigureAwait(false);
        }

        return report;
    }

    /// <summary>Deletes every <c>openscap_</c> attribute of every container image, one request per image that has any.</summary>
    public async Task<RegistrationReport> PurgeAttributesAsync(CancellationToken cancellationToken)
    {
        var report = new RegistrationReport();
        await foreach (var image in _client.GetContainerImagesAsync(null, cancellationToken).ConfigureAwait(false))
        {
            var attributes = await _client.GetCustomAttributesAsync(image.Id, cancellationToken).ConfigureAwait(false);
            var owned = attributes.Where(a => a.Name.StartsWith(AttributePrefix, StringComparison.OrdinalIgnoreCase)).ToList();
            if (owned.Count == 0)
            {
                continue;
            }

            // By name and section: such a delete is retried like a read.
            var references = owned.Select(a => CustomAttributeReference.ByName(a.Name, a.Section)).ToList();
            try
            {
                var deleted = await _client.DeleteCustomAttributesAsync(image.Id, references, cancellationToken).ConfigureAwait(false);
                Log.Purged(_logger, deleted, image.Id);
                report.Add(new(OutcomeKind.Deleted, "attributes", $"{deleted} openscap_ attribute(s) of image {image.Id} '{image.Name}'", null, image.Id));
            }
            catch (ManageIqApiException e)
            {
                report.Add(new(OutcomeKind.Failed, "attributes", $"image {image.Id} '{image.Name}'", null, image.Id, e.Message));
            }
        }

        return report;
    }

    private static async Task<List<T>> Owned<T>(IAsyncEnumerable<T> items, Func<T, string?> notes)
    {
        var result = new List<T>();
        await foreach (var item in items.ConfigureAwait(false))
        {
            if (OwnershipMark.Read(notes(item)) is not null)
            {
                result.Add(item);
            }
        }

        return result;
    }

    private async Task RunAsync(RegistrationReport report, OutcomeKind kind, string objectKind, string name, string? guid, long id, Func<Task> write)
    {
        try
        {
            await write().ConfigureAwait(false);
            Log.Changed(_logger, kind, objectKind, name, id);
            report.Add(new(kind, objectKind, name, guid, id));
        }
        catch (ManageIqApiException e)
        {
            Log.Failed(_logger, objectKind, name, e.Message);
            report.Add(new(OutcomeKind.Failed, objectKind, name, guid, id, e.Message));
        }
    }
}
