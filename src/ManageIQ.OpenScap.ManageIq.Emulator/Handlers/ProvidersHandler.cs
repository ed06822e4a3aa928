using ManageIQ.OpenScap.ManageIq.Emulator.Http;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Handlers;

/// <summary>Assigning policy profiles to a provider (facts 63-64), role <c>ems_infra_protect</c>.</summary>
internal static class ProvidersHandler
{
    public static ApiResult PostPolicyProfiles(ApiContext context, string id)
    {
        context.Require("ems_infra_protect", $"Use of Action {Envelope.Action(context)} is forbidden");
        var provider = ReadHandler.Find(context, Collections.Providers, id);
        var providerId = provider.Value<long>("id");
        if (!context.Store.ProviderProfiles.TryGetValue(providerId, out var assigned))
        {
            context.Store.ProviderProfiles[providerId] = assigned = [];
        }

        return Assignment.Run(context, context.Store.PolicyProfiles, "policy_profiles", "Policy Profile", "policy_profile", assigned, context.Href("providers", providerId));
    }
}
