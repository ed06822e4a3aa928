using ManageIQ.OpenScap.ManageIq.Emulator.Http;
using ManageIQ.OpenScap.ManageIq.Emulator.Store;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Seeding;

/// <summary>
/// Reads <c>policy_contents</c> as <c>MiqPolicy#update_events_and_actions</c> does: per event, actions in
/// order, <c>opts.qualifier</c> success|failure|both (default failure), sequence by position.
/// </summary>
internal static class PolicyContentReader
{
    public static List<PolicyContent> Read(JArray contents)
    {
        var result = new List<PolicyContent>();
        foreach (var entry in contents)
        {
            var eventId = Id(entry["event_id"], "event_id");
            var sequence = 0;
            foreach (var action in entry["actions"] as JArray ?? [])
            {
                var qualifier = action["opts"]?.Value<string>("qualifier") ?? "failure";
                if (qualifier is not ("success" or "failure" or "both"))
                {
                    throw ApiException.BadRequest($"Invalid qualifier {qualifier} specified, valid qualifiers are: success, failure, both");
                }

                var synchronous = action["opts"]?.Value<bool?>("synchronous") ?? true;
                result.Add(new PolicyContent(eventId, Id(action["action_id"], "action_id"), qualifier, ++sequence, synchronous));
            }
        }

        return result;
    }

    private static long Id(JToken? token, string name) =>
        token is not null && long.TryParse(token.ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? id
            : throw ApiException.BadRequest($"Invalid {name} specified in policy_contents");
}
