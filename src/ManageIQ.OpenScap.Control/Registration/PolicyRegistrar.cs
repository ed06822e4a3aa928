using ManageIQ.OpenScap.Control.Configuration;
using ManageIQ.OpenScap.Control.Ownership;
using ManageIQ.OpenScap.Control.Source;
using ManageIQ.OpenScap.ManageIq;
using ManageIQ.OpenScap.ManageIq.Errors;
using ManageIQ.OpenScap.ManageIq.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ManageIQ.OpenScap.Control.Registration;

/// <summary>
/// Registers the policy files' conditions, policies and profiles through the API. Objects are found by guid, then
/// by name. One without the bridge's <see cref="OwnershipMark"/> is someone else's: a conflict, never edited. One with
/// the mark of the same source is left alone (no write); one with another source's mark is edited. Built-in events
/// and actions are looked up (actions by description, as ManageIQ's importer does), never changed.
/// </summary>
public sealed class PolicyRegistrar : IPolicyRegistrar
{
    private readonly IManageIqControlClient _client;
    private readonly IOptions<BridgePoliciesOptions> _options;
    private readonly ILogger<PolicyRegistrar> _logger;

    public PolicyRegistrar(IManageIqControlClient client, IOptions<BridgePoliciesOptions> options, ILogger<PolicyRegistrar> logger)
    {
        _client = client;
        _options = options;
        _logger = logger;
    }

    public IReadOnlyList<PolicyProfileSource> LoadSources() => PolicyDirectory.Load(_options.Value.Directory);

    public async Task<RegistrationReport> RegisterAsync(CancellationToken cancellationToken)
    {
        var sources = LoadSources();
        var report = await RegisterAsync(sources, cancellationToken).ConfigureAwait(false);
        if (_options.Value.AssignTo.Count > 0)
        {
            await AssignAsync(sources, report, [.. _options.Value.AssignTo], _options.Value.AssignProfile, cancellationToken).ConfigureAwait(false);
        }

        return report;
    }

    public async Task<RegistrationReport> RegisterAsync(IReadOnlyList<PolicyProfileSource> sources, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var run = new Run(_client, new RegistrationReport(), this);
        foreach (var profile in sources)
        {
            await run.ProfileAsync(profile, cancellationToken).ConfigureAwait(false);
        }

        return run.Report;
    }

    public async Task<RegistrationReport> AssignAsync(IReadOnlyCollection<long> providerIds, string? profileName, CancellationToken cancellationToken)
    {
        var report = new RegistrationReport();
        await AssignAsync(LoadSources(), report, providerIds, profileName ?? _options.Value.AssignProfile, cancellationToken).ConfigureAwait(false);
        return report;
    }

    private async Task AssignAsync(IReadOnlyList<PolicyProfileSource> sources, RegistrationReport report, IReadOnlyCollection<long> providerIds, string profileName, CancellationToken cancellationToken)
    {
        var source = sources.FirstOrDefault(p => p.Name == profileName)
            ?? throw new Format.ControlFileException($"no profile named '{profileName}' in the policy files ({string.Join(", ", sources.Select(p => p.Name))}).");
        var profile = await _client.FindPolicyProfileByGuidAsync(source.Guid, cancellationToken).ConfigureAwait(false);
        if (profile is null || OwnershipMark.Read(profile.Notes) is null)
        {
            Record(report, new(profile is null ? OutcomeKind.Failed : OutcomeKind.Conflict, "profile", source.Name, source.Guid, profile?.Id,
                profile is null ? "not registered; run `bridge policies register` first" : "the profile with this guid is not the bridge's; not assigned"));
            return;
        }

        foreach (var providerId in providerIds)
        {
            var assigned = await _client.GetProviderPolicyProfilesAsync(providerId, cancellationToken).ConfigureAwait(false);
            if (assigned.Any(p => p.Id == profile.Id))
            {
                Record(report, new(OutcomeKind.Unchanged, "assignment", $"{source.Name} -> provider {providerId}", source.Guid, profile.Id));
                continue;
            }

            try
            {
                await _client.AssignPolicyProfileAsync(providerId, profile.Id, cancellationToken).ConfigureAwait(false);
                Record(report, new(OutcomeKind.Assigned, "assignment", $"{source.Name} -> provider {providerId}", source.Guid, profile.Id));
            }
            catch (ManageIqApiException e)
            {
                Record(report, new(OutcomeKind.Failed, "assignment", $"{source.Name} -> provider {providerId}", source.Guid, profile.Id, e.Message));
            }
        }
    }

    private RegistrationOutcome Record(RegistrationReport report, RegistrationOutcome outcome)
    {
        OutcomeLogging.Write(_logger, outcome);
        return report.Add(outcome);
    }

    /// <summary>One registration run: lookups of built-ins and objects already settled are made once.</summary>
    private sealed class Run(IManageIqControlClient client, RegistrationReport report, PolicyRegistrar owner)
    {
        private readonly Dictionary<string, long?> _conditions = new(StringComparer.Ordinal);
        private readonly Dictionary<string, long?> _events = new(StringComparer.Ordinal);
        private readonly Dictionary<string, long?> _actions = new(StringComparer.Ordinal);

        public RegistrationReport Report => report;

        public async Task ProfileAsync(PolicyProfileSource source, CancellationToken cancellationToken)
        {
            var policyIds = new List<long>();
            var complete = true;
            foreach (var policy in source.Policies)
            {
                var id = await PolicyAsync(policy, source.File, cancellationToken).ConfigureAwait(false);
                complete &= id is not null;
                if (id is not null)
                {
                    policyIds.Add(id.Value);
                }
            }

            var fingerprint = SourceFingerprint.Of(source);
            var existing = await client.FindPolicyProfileByGuidAsync(source.Guid, cancellationToken).ConfigureAwait(false)
                ?? await client.FindPolicyProfileAsync(source.Name, cancellationToken).ConfigureAwait(false)
                ?? await client.FindPolicyProfileByDescriptionAsync(source.Description, cancellationToken).ConfigureAwait(false);
            var input = new PolicyProfileInput(source.Name, source.Description, source.Mode) { Guid = source.Guid, Notes = OwnershipMark.Apply(source.Notes, fingerprint) };
            long profileId;
            if (existing is null)
            {
                if (!complete)
                {
                    Add(new(OutcomeKind.Skipped, "profile", source.Name, source.Guid, null, "not created: one of its policies could not be registered"));
                    return;
                }

                var created = await WriteAsync("profile", source.Name, source.Guid, () => client.CreatePolicyProfileAsync(input, cancellationToken)).ConfigureAwait(false);
                if (created is null)
                {
                    return;
                }

                Add(new(OutcomeKind.Created, "profile", source.Name, source.Guid, created.Id));
                profileId = created.Id;
            }
            else if (Foreign(existing.Notes) is not null)
            {
                Add(Conflict("profile", source.Name, source.Guid, source.File, existing.Id, existing.Name, existing.Guid, Matched(existing.Guid, existing.Name, source.Guid, source.Name)));
                return;
            }
            else
            {
                profileId = existing.Id;
                if (OwnershipMark.Read(existing.Notes) == fingerprint)
                {
                    Add(new(OutcomeKind.Unchanged, "profile", source.Name, source.Guid, existing.Id));
                }
                else if (await NameTakenAsync(existing.Name, source.Name, existing.Id, n => client.FindPolicyProfileAsync(n, cancellationToken)).ConfigureAwait(false) is { } holder)
                {
                    Add(Conflict("profile", source.Name, source.Guid, source.File, holder.Id, holder.Name, holder.Guid, "name"));
                    return;
                }
                else if (await WriteAsync("profile", source.Name, source.Guid, () => client.EditPolicyProfileAsync(existing.Id, input, cancellationToken)).ConfigureAwait(false) is not null)
                {
                    Add(new(OutcomeKind.Edited, "profile", source.Name, source.Guid, existing.Id));
                }
            }

            await MembersAsync(source, profileId, policyIds, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Adds the missing policies; removes the bridge's own policies that the source no longer lists. Others stay.</summary>
        private async Task MembersAsync(PolicyProfileSource source, long profileId, List<long> policyIds, CancellationToken cancellationToken)
        {
            var members = await client.GetProfilePoliciesAsync(profileId, cancellationToken).ConfigureAwait(false);
            var missing = policyIds.Where(id => members.All(m => m.Id != id)).ToList();
            var stale = members.Where(m => !policyIds.Contains(m.Id) && OwnershipMark.Read(m.Notes) is not null).Select(m => m.Id).ToList();
            if (missing.Count > 0
                && await WriteAsync("profile", source.Name, source.Guid, () => client.AssignPoliciesAsync(profileId, missing, cancellationToken)).ConfigureAwait(false) is not null)
            {
                Add(new(OutcomeKind.Assigned, "profile policies", source.Name, source.Guid, profileId, $"policy id(s) {string.Join(", ", missing)}"));
            }

            if (stale.Count > 0
                && await WriteAsync("profile", source.Name, source.Guid, () => client.UnassignPoliciesAsync(profileId, stale, cancellationToken)).ConfigureAwait(false) is not null)
            {
                Add(new(OutcomeKind.Unassigned, "profile policies", source.Name, source.Guid, profileId, $"policy id(s) {string.Join(", ", stale)}"));
            }
        }

        private async Task<long?> PolicyAsync(PolicySource source, string file, CancellationToken cancellationToken)
        {
            var conditionIds = new List<long>();
            var contents = new List<PolicyEventContent>();
            var complete = true;
            foreach (var condition in source.Conditions)
            {
                var id = await ConditionAsync(condition, file, cancellationToken).ConfigureAwait(false);
                complete &= id is not null;
                conditionIds.AddRange(id is null ? [] : [id.Value]);
            }

            foreach (var group in source.Contents.GroupBy(c => c.EventName, StringComparer.Ordinal))
            {
                var eventId = await EventAsync(group.Key, source.Name, cancellationToken).ConfigureAwait(false);
                var actions = new List<PolicyEventAction>();
                foreach (var content in group.Where(c => c.Action is not null))
                {
                    var actionId = await ActionAsync(content.Action!, cancellationToken).ConfigureAwait(false);
                    complete &= actionId is not null;
                    actions.AddRange(actionId is null ? [] : [new PolicyEventAction(actionId.Value, content.Qualifier)]);
                }

                complete &= eventId is not null;
                contents.AddRange(eventId is null ? [] : [new PolicyEventContent(eventId.Value, actions)]);
            }

            var fingerprint = SourceFingerprint.Of(source);
            var input = new PolicyInput(source.Name, source.Description, source.Mode, source.Towhat, conditionIds, contents)
            {
                Guid = source.Guid,
                Notes = OwnershipMark.Apply(source.Notes, fingerprint),
            };
            var existing = await client.FindPolicyByGuidAsync(source.Guid, cancellationToken).ConfigureAwait(false)
                ?? await client.FindPolicyAsync(source.Name, cancellationToken).ConfigureAwait(false)
                ?? await client.FindPolicyByDescriptionAsync(source.Description, cancellationToken).ConfigureAwait(false);
            if (existing is not null && Foreign(existing.Notes) is not null)
            {
                Add(Conflict("policy", source.Name, source.Guid, file, existing.Id, existing.Name, existing.Guid, Matched(existing.Guid, existing.Name, source.Guid, source.Name)));
                return null;
            }

            // Same source, and its conditions are still the ones registered (not deleted and created again since).
            if (existing is not null && OwnershipMark.Read(existing.Notes) == fingerprint
                && (!complete || await HasConditionsAsync(existing.Id, conditionIds, cancellationToken).ConfigureAwait(false)))
            {
                Add(new(OutcomeKind.Unchanged, "policy", source.Name, source.Guid, existing.Id));
                return existing.Id;
            }

            if (!complete)
            {
                Add(new(OutcomeKind.Skipped, "policy", source.Name, source.Guid, existing?.Id, "a condition, event or action it needs could not be registered"));
                return existing?.Id;
            }

            if (existing is null)
            {
                var created = await WriteAsync("policy", source.Name, source.Guid, () => client.CreatePolicyAsync(input, cancellationToken)).ConfigureAwait(false);
                return created is null ? null : Add(new(OutcomeKind.Created, "policy", source.Name, source.Guid, created.Id)).Id;
            }

            if (await NameTakenAsync(existing.Name, source.Name, existing.Id, n => client.FindPolicyAsync(n, cancellationToken)).ConfigureAwait(false) is { } holder)
            {
                Add(Conflict("policy", source.Name, source.Guid, file, holder.Id, holder.Name, holder.Guid, "name"));
                return null;
            }

            var edited = await WriteAsync("policy", source.Name, source.Guid, () => client.EditPolicyAsync(existing.Id, input, cancellationToken)).ConfigureAwait(false);
            return edited is null ? existing.Id : Add(new(OutcomeKind.Edited, "policy", source.Name, source.Guid, existing.Id)).Id;
        }

        private async Task<bool> HasConditionsAsync(long policyId, List<long> conditionIds, CancellationToken cancellationToken)
        {
            var current = await client.GetPolicyConditionsAsync(policyId, cancellationToken).ConfigureAwait(false);
            return current.Select(c => c.Id).Order().SequenceEqual(conditionIds.Order());
        }

        private async Task<long?> ConditionAsync(ConditionSource source, string file, CancellationToken cancellationToken)
        {
            if (_conditions.TryGetValue(source.Guid, out var settled))
            {
                return settled;
            }

            var fingerprint = SourceFingerprint.Of(source);
            var input = new ConditionInput(source.Name, source.Description, source.Towhat, source.Expression)
            {
                Guid = source.Guid,
                Notes = OwnershipMark.Apply(source.Notes, fingerprint),
            };
            var existing = await client.FindConditionByGuidAsync(source.Guid, cancellationToken).ConfigureAwait(false)
                ?? await client.FindConditionAsync(source.Name, cancellationToken).ConfigureAwait(false)
                ?? await client.FindConditionByDescriptionAsync(source.Description, cancellationToken).ConfigureAwait(false);
            long? id;
            if (existing is null)
            {
                var created = await WriteAsync("condition", source.Name, source.Guid, () => client.CreateConditionAsync(input, cancellationToken)).ConfigureAwait(false);
                id = created is null ? null : Add(new(OutcomeKind.Created, "condition", source.Name, source.Guid, created.Id)).Id;
            }
            else if (Foreign(existing.Notes) is not null)
            {
                Add(Conflict("condition", source.Name, source.Guid, file, existing.Id, existing.Name, existing.Guid, Matched(existing.Guid, existing.Name, source.Guid, source.Name)));
                id = null;
            }
            else if (OwnershipMark.Read(existing.Notes) == fingerprint)
            {
                id = Add(new(OutcomeKind.Unchanged, "condition", source.Name, source.Guid, existing.Id)).Id;
            }
            else if (await NameTakenAsync(existing.Name, source.Name, existing.Id, n => client.FindConditionAsync(n, cancellationToken)).ConfigureAwait(false) is { } holder)
            {
                Add(Conflict("condition", source.Name, source.Guid, file, holder.Id, holder.Name, holder.Guid, "name"));
                id = null;
            }
            else
            {
                var edited = await WriteAsync("condition", source.Name, source.Guid, () => client.EditConditionAsync(existing.Id, input, cancellationToken)).ConfigureAwait(false);
                id = edited is null ? null : Add(new(OutcomeKind.Edited, "condition", source.Name, source.Guid, existing.Id)).Id;
            }

            _conditions[source.Guid] = id;
            return id;
        }

        private async Task<long?> EventAsync(string name, string policy, CancellationToken cancellationToken)
        {
            if (!_events.TryGetValue(name, out var id))
            {
                id = _events[name] = (await client.FindEventDefinitionAsync(name, cancellationToken).ConfigureAwait(false))?.Id;
                if (id is null)
                {
                    Add(new(OutcomeKind.Failed, "event", name, null, null, $"ManageIQ has no event definition of this name (policy '{policy}'); the bridge does not create events"));
                }
            }

            return id;
        }

        /// <summary>A built-in is looked up by description and must have the source's name; another action is created once, never edited.</summary>
        private async Task<long?> ActionAsync(PolicyActionSource source, CancellationToken cancellationToken)
        {
            if (_actions.TryGetValue(source.Description, out var known))
            {
                return known;
            }

            long? id = null;
            var existing = await client.FindActionByDescriptionAsync(source.Description, cancellationToken).ConfigureAwait(false);
            if (existing is not null && existing.Name != source.Name)
            {
                Add(new(OutcomeKind.Conflict, "action", source.Name, null, existing.Id, $"ManageIQ's action {existing.Id} with the description '{source.Description}' is named '{existing.Name}'"));
            }
            else if (existing is not null)
            {
                id = existing.Id;
            }
            else if (source.IsBuiltIn)
            {
                Add(new(OutcomeKind.Failed, "action", source.Name, null, null, $"ManageIQ has no built-in action '{source.Description}'"));
            }
            else
            {
                var options = new Newtonsoft.Json.Linq.JObject(source.Options.Properties().Select(p => new Newtonsoft.Json.Linq.JProperty(p.Name.TrimStart(Format.ControlView.SymbolPrefix), p.Value.DeepClone())));
                var created = await WriteAsync("action", source.Name, null, () => client.CreateActionAsync(new PolicyActionInput(source.Name, source.Description, source.ActionType, options), cancellationToken)).ConfigureAwait(false);
                id = created is null ? null : Add(new(OutcomeKind.Created, "action", source.Name, created.Guid, created.Id)).Id;
            }

            _actions[source.Description] = id;
            return id;
        }

        /// <summary>The object holding <paramref name="wanted"/> when a rename to it would clash with another's.</summary>
        private static async Task<T?> NameTakenAsync<T>(string current, string wanted, long selfId, Func<string, Task<T?>> find)
            where T : class
        {
            if (current == wanted)
            {
                return null;
            }

            var holder = await find(wanted).ConfigureAwait(false);
            return holder is not null && Id(holder) != selfId ? holder : null;
        }

        private static long Id(object model) => model switch
        {
            Condition c => c.Id,
            Policy p => p.Id,
            PolicyProfile p => p.Id,
            _ => throw new ArgumentException("not a Control object", nameof(model)),
        };

        /// <summary>Non-null (the notes) when the object carries no bridge mark.</summary>
        private static string? Foreign(string? notes) => OwnershipMark.Read(notes) is null ? notes ?? string.Empty : null;

        /// <summary>Which of the source's identities the other object holds: its guid, else its name, else its description.</summary>
        private static string Matched(string? otherGuid, string otherName, string guid, string name) =>
            otherGuid == guid ? "guid" : otherName == name ? "name" : "description";

        private static RegistrationOutcome Conflict(string kind, string name, string guid, string file, long id, string otherName, string? otherGuid, string field) =>
            new(OutcomeKind.Conflict, kind, name, guid, id,
                $"the {field} of {kind} '{name}' ({guid}, {Path.GetFileName(file)}) is held by ManageIQ's {kind} {id} '{otherName}' ({otherGuid}), which is not the bridge's (no ownership mark); left unchanged");

        /// <summary>Runs one write; ManageIQ's refusal becomes a failed outcome, anything else (no answer) propagates.</summary>
        private async Task<T?> WriteAsync<T>(string kind, string name, string? guid, Func<Task<T>> write)
            where T : class
        {
            try
            {
                return await write().ConfigureAwait(false);
            }
            catch (ManageIqApiException e)
            {
                Add(new(OutcomeKind.Failed, kind, name, guid, null, e.Message));
                return null;
            }
        }

        private RegistrationOutcome Add(RegistrationOutcome outcome) => owner.Record(report, outcome);
    }
}
