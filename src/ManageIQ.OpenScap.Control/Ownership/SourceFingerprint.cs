using System.Security.Cryptography;
using System.Text;
using ManageIQ.OpenScap.Control.Source;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.Control.Ownership;

/// <summary>
/// The fingerprint of one object's source: SHA-256 (first 128 bits, hex) of its canonical JSON, keys sorted. A
/// policy's covers its conditions' and actions' identities, a profile's its policies' guids, so a change shows on
/// exactly the objects it touches.
/// </summary>
public static class SourceFingerprint
{
    public const int Length = 32;

    public static string Of(ConditionSource condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return Hash(Canonical(condition));
    }

    public static string Of(PolicySource policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return Hash(new JObject
        {
            ["name"] = policy.Name,
            ["description"] = policy.Description,
            ["guid"] = policy.Guid,
            ["towhat"] = policy.Towhat,
            ["mode"] = policy.Mode,
            ["active"] = policy.Active,
            ["notes"] = policy.Notes,
            ["conditions"] = new JArray(policy.Conditions.Select(c => c.Guid)),
            ["contents"] = new JArray(policy.Contents.Select(c => new JObject
            {
                ["qualifier"] = c.Qualifier,
                ["event"] = c.EventName,
                ["action"] = c.Action?.Name,
                ["action_description"] = c.Action?.Description,
            })),
        });
    }

    public static string Of(PolicyProfileSource profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return Hash(new JObject
        {
            ["name"] = profile.Name,
            ["description"] = profile.Description,
            ["guid"] = profile.Guid,
            ["mode"] = profile.Mode,
            ["notes"] = profile.Notes,
            ["policies"] = new JArray(profile.Policies.Select(p => p.Guid)),
        });
    }

    /// <summary>A report's: its whole MiqReport hash as the file has it.</summary>
    public static string Of(ReportSource report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Hash(report.Report);
    }

    /// <summary>The condition as one canonical value, also what tells two copies of a shared condition apart.</summary>
    public static JObject Canonical(ConditionSource condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return new JObject
        {
            ["name"] = condition.Name,
            ["description"] = condition.Description,
            ["guid"] = condition.Guid,
            ["towhat"] = condition.Towhat,
            ["expression"] = condition.Expression.DeepClone(),
            ["notes"] = condition.Notes,
        };
    }

    public static string CanonicalText(JToken value) => Sorted(value).ToString(Formatting.None);

    private static string Hash(JToken value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalText(value))))[..Length];

    private static JToken Sorted(JToken value) => value switch
    {
        JObject o => new JObject(o.Properties().OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => new JProperty(p.Name, Sorted(p.Value)))),
        JArray a => new JArray(a.Select(Sorted)),
        _ => value.DeepClone(),
    };
}
