using ManageIQ.OpenScap.ManageIq.Emulator.Store;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Compliance;

/// <summary>
/// <c>Compliance.check_compliance</c> on a container image, run at once (ManageIQ queues it): the active compliance
/// policies that reach the image through its provider's profiles and handle <c>containerimage_compliance_check</c>
/// are evaluated; a policy passes when every condition does (one with none always passes) and then runs its
/// success actions, else its failure ones. The image is non-compliant only if <c>compliance_failed</c> ran. The check
/// is recorded as a <see cref="ComplianceRecord"/>, sets <c>last_compliance_status</c> and
/// <c>last_compliance_timestamp</c>, and raises <c>containerimage_compliance_passed</c> or <c>_failed</c>.
/// Call under the store's lock.
/// </summary>
internal static class ImageComplianceCheck
{
    public const string CheckEvent = "containerimage_compliance_check";
    public const string PassedEvent = "containerimage_compliance_passed";
    public const string FailedEvent = "containerimage_compliance_failed";
    private const string MarkNonCompliant = "compliance_failed";

    /// <summary>The compliance policies that apply to the image (<c>associations_to_get_policies</c>: its provider).</summary>
    public static IReadOnlyList<JObject> Policies(EmulatorStore store, JObject image)
    {
        var provider = image.Value<long?>("ems_id");
        var profiles = provider is null ? [] : store.ProviderProfiles.GetValueOrDefault(provider.Value) ?? [];
        return [.. profiles
            .SelectMany(p => store.ProfilePolicies.GetValueOrDefault(p) ?? [])
            .Distinct()
            .Select(store.Policies.Find)
            .OfType<JObject>()
            .Where(p => p.Value<string>("mode") == "compliance" && p.Value<string>("towhat") == "ContainerImage" && p.Value<bool?>("active") != false)];
    }

    public static ComplianceRecord Run(EmulatorStore store, JObject image)
    {
        var checkEvent = store.Events.Rows.FirstOrDefault(e => e.Value<string>("name") == CheckEvent)?.Value<long>("id");
        var values = ImageFieldValues.Of(store, image);
        var details = new List<ComplianceDetail>();
        var compliant = true;
        foreach (var policy in Policies(store, image))
        {
            var policyId = policy.Value<long>("id");
            var contents = (store.PolicyContents.GetValueOrDefault(policyId) ?? []).Where(c => c.EventId == checkEvent).ToList();
            if (contents.Count == 0)
            {
                continue;
            }

            var conditions = (store.PolicyConditions.GetValueOrDefault(policyId) ?? []).Select(store.Conditions.Find).OfType<JObject>().ToList();
            var results = conditions.Select(c => (Condition: c, Passed: Passes(c, values))).ToList();
            var passed = results.All(r => r.Passed);
            var ran = contents
                .Where(c => c.Qualifier == "both" || c.Qualifier == (passed ? "success" : "failure"))
                .Select(c => store.Actions.Find(c.ActionId)?.Value<string>("name"));
            compliant &= !ran.Contains(MarkNonCompliant);
            var description = policy.Value<string>("description");
            details.AddRange(results.Count == 0
                ? [new ComplianceDetail(policyId, description, passed, null, null, null)]
                : results.Select(r => new ComplianceDetail(policyId, description, passed, r.Condition.Value<long>("id"), r.Condition.Value<string>("description"), r.Passed)));
        }

        var now = store.Time.GetUtcNow();
        var record = new ComplianceRecord(image.Value<long>("id"), compliant, CheckEvent, now, details);
        store.RecordCompliance(record);
        image["__last_compliance_status"] = compliant;
        image["__last_compliance_timestamp"] = EmulatorStore.FormatTime(now);
        store.ContainerImages.Touch();
        store.RaiseEvent(new RaisedEvent(compliant ? PassedEvent : FailedEvent, "ContainerImage", record.ImageId, now));
        return record;
    }

    /// <summary>A condition "allows" when its expression holds; the importer's legacy <c>modifier: deny</c> inverts it.</summary>
    private static bool Passes(JObject condition, Func<string, string> values)
    {
        var holds = MiqExpressionEvaluator.Evaluate(condition["expression"]?["exp"], values);
        return condition.Value<string>("modifier") == "deny" ? !holds : holds;
    }
}
