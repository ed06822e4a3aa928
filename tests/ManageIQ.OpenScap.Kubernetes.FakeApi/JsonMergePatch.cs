using System.Text.Json.Nodes;

namespace ManageIQ.OpenScap.Kubernetes.FakeApi;

/// <summary>RFC 7386 JSON merge patch: objects merge, null removes, everything else replaces.</summary>
internal static class JsonMergePatch
{
    public static void Apply(JsonObject target, JsonObject patch)
    {
        foreach (var (key, value) in patch.ToList())
        {
            if (value is null)
            {
                target.Remove(key);
            }
            else if (value is JsonObject child)
            {
                if (target[key] is not JsonObject existing)
                {
                    existing = [];
                    target[key] = existing;
                }

                Apply(existing, child);
            }
            else
            {
                target[key] = value.DeepClone();
            }
        }
    }
}
