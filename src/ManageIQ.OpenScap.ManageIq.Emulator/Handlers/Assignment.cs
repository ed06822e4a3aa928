using System.Globalization;
using ManageIQ.OpenScap.ManageIq.Emulator.Http;
using ManageIQ.OpenScap.ManageIq.Emulator.Store;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Handlers;

/// <summary>
/// <c>assign</c>/<c>unassign</c> of policies on a profile and of profiles on a provider
/// (<c>Api::Subcollections::Policies</c>, facts 63-65): members named by href or guid.
/// </summary>
internal static class Assignment
{
    /// <param name="context">The request.</param>
    /// <param name="members">The member table (policies or policy_profiles).</param>
    /// <param name="memberCollection">The member collection name.</param>
    /// <param name="memberTitle">"Policy" or "Policy Profile".</param>
    /// <param name="memberKey">"policy" or "policy_profile", the prefix of the result keys.</param>
    /// <param name="assigned">The parent's member id list, changed in place.</param>
    /// <param name="parentHref">The parent's href.</param>
    public static ApiResult Run(ApiContext context, ResourceTable members, string memberCollection, string memberTitle, string memberKey, List<long> assigned, string parentHref)
    {
        var action = Envelope.Action(context);
        if (action is not ("assign" or "unassign"))
        {
            throw ApiException.BadRequest($"Unsupported Action {action} for the {memberCollection} collection specified");
        }

        var results = new List<JToken?>();
        foreach (var resource in Envelope.Resources(context))
        {
            var member = Resolve(context, members, memberCollection, resource);
            if (member is null)
            {
                results.Add(Envelope.Result(false, $"Must specify a valid {memberCollection} href or guid", parentHref));
                continue;
            }

            var id = member.Value<long>("id");
            if (action == "assign" && !assigned.Contains(id))
            {
                assigned.Add(id);
            }
            else if (action == "unassign")
            {
                assigned.Remove(id);
            }

            var verb = action == "assign" ? "Assigning" : "Unassigning";
            var result = Envelope.Result(true, $"{verb} {memberTitle}: id:'{id}' description:'{member.Value<string>("description")}' guid:'{member.Value<string>("guid")}'", parentHref);
            result[$"{memberKey}_id"] = id.ToString(CultureInfo.InvariantCulture);
            result[$"{memberKey}_href"] = context.Href(memberCollection, id);
            results.Add(result);
        }

        return Envelope.Results(context, results);
    }

    /// <summary>By href (a missing one is a 404, fact 64) or by guid (a missing one is a failed result).</summary>
    private static JObject? Resolve(ApiContext context, ResourceTable members, string memberCollection, JObject resource)
    {
        if (resource.Value<string>("href") is { } href)
        {
            var id = Envelope.IdFromHref(href, memberCollection);
            return (id is null ? null : members.Find(id.Value))
                ?? throw ApiException.RecordNotFound(members.Klass, id?.ToString(CultureInfo.InvariantCulture) ?? href);
        }

        var guid = resource.Value<string>("guid");
        return guid is null ? null : members.Rows.FirstOrDefault(r => r.Value<string>("guid") == guid);
    }
}
