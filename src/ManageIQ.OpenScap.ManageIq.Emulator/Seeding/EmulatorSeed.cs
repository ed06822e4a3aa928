using ManageIQ.OpenScap.ManageIq.Emulator.Store;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Seeding;

/// <summary>
/// Loads the emulator's database from a seed document: one array per table (<c>providers</c>,
/// <c>container_images</c>, ...), policies carrying <c>conditions_ids</c> and <c>policy_contents</c>,
/// profiles carrying <c>policies_ids</c>, and <c>provider_policy_profiles</c> assignments.
/// </summary>
public static class EmulatorSeed
{
    private const string DefaultResource = "ManageIQ.OpenScap.ManageIq.Emulator.Seeding.default-seed.json";

    /// <summary>The columns of each table, from the default seed's rows: a seed with no row of a table still has its schema.</summary>
    private static readonly Lazy<Dictionary<string, HashSet<string>>> Schema = new(() => Default().Properties()
        .Where(p => p.Value is JArray)
        .ToDictionary(p => p.Name, p => p.Value.OfType<JObject>().SelectMany(r => r.Properties().Select(c => c.Name)).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal));

    /// <summary>The default seed: a fresh appliance (admin / smartvm) with an OpenShift and a Kubernetes provider.</summary>
    public static JObject Default()
    {
        using var stream = typeof(EmulatorSeed).Assembly.GetManifestResourceStream(DefaultResource)
            ?? throw new InvalidOperationException("The default seed resource is missing from the emulator assembly.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), "the default seed");
    }

    /// <summary>Reads a seed file, naming the file in the error when it is not a JSON object.</summary>
    public static JObject FromFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(File.ReadAllText(path), path);
    }

    public static JObject Parse(string json, string source)
    {
        try
        {
            using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
            return JObject.Load(reader);
        }
        catch (JsonReaderException e)
        {
            throw new InvalidDataException($"The emulator seed {source} is not a JSON object: {e.Message}", e);
        }
    }

    /// <summary>
    /// A copy of <paramref name="seed"/> with one more user, alone in a new group whose role grants exactly
    /// <paramref name="features"/> (product feature identifiers; a node grants what is below it). Tests seed a user with
    /// fewer features this way and authenticate as <paramref name="userId"/> / <paramref name="password"/>.
    /// </summary>
    public static JObject WithUser(JObject seed, string userId, string password, string group, IEnumerable<string> features, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(seed);
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentException.ThrowIfNullOrEmpty(group);
        ArgumentNullException.ThrowIfNull(features);
        var copy = (JObject)seed.DeepClone();
        var groups = ArrayOf(copy, "groups");
        var users = ArrayOf(copy, "users");
        if (groups.OfType<JObject>().Any(g => g.Value<string>("description") == group) || users.OfType<JObject>().Any(u => u.Value<string>("userid") == userId))
        {
            throw new ArgumentException($"The seed already has a group '{group}' or a user '{userId}'.", nameof(group));
        }

        groups.Add(new JObject
        {
            ["id"] = NextId(groups),
            ["description"] = group,
            ["role"] = group + " role",
            ["features"] = new JArray(features.ToArray()),
        });
        users.Add(new JObject
        {
            ["id"] = NextId(users),
            ["userid"] = userId,
            ["name"] = name ?? userId,
            ["password"] = password,
            ["groups"] = new JArray(group),
        });
        return copy;
    }

    internal static void Load(JObject seed, EmulatorStore store)
    {
        LoadUsers(seed, store);
        Fill(seed, "zones", store.Zones);
        // Every provider row has the serialized options column (the provider form's image_inspector_options live there).
        DeclareSchema("providers", store.Providers);
        foreach (var provider in Rows(seed, "providers"))
        {
            provider["options"] ??= new JObject();
            store.Providers.Add(provider);
        }

        Fill(seed, "container_image_registries", store.Registries);
        Fill(seed, "container_images", store.ContainerImages);
        Fill(seed, "custom_attributes", store.CustomAttributes);
        Fill(seed, "events", store.Events);
        Fill(seed, "actions", store.Actions);
        Fill(seed, "conditions", store.Conditions);
        Fill(seed, "tasks", store.Tasks);
        Fill(seed, "reports", store.Reports);
        Fill(seed, "widgets", store.Widgets);
        foreach (var policy in Rows(seed, "policies"))
        {
            var conditions = policy["conditions_ids"]?.Values<long>().ToList() ?? [];
            var contents = policy["policy_contents"] as JArray ?? [];
            policy.Remove("conditions_ids");
            policy.Remove("policy_contents");
            var row = store.Policies.Add(policy);
            store.PolicyConditions[row.Value<long>("id")] = conditions;
            store.PolicyContents[row.Value<long>("id")] = PolicyContentReader.Read(contents);
        }

        foreach (var profile in Rows(seed, "policy_profiles"))
        {
            var policies = profile["policies_ids"]?.Values<long>().ToList() ?? [];
            profile.Remove("policies_ids");
            store.ProfilePolicies[store.PolicyProfiles.Add(profile).Value<long>("id")] = policies;
        }

        foreach (var assignment in Rows(seed, "provider_policy_profiles"))
        {
            var provider = assignment.Value<long>("provider_id");
            if (!store.ProviderProfiles.TryGetValue(provider, out var list))
            {
                store.ProviderProfiles[provider] = list = [];
            }

            list.Add(assignment.Value<long>("policy_profile_id"));
        }
    }

    private static void LoadUsers(JObject seed, EmulatorStore store)
    {
        foreach (var group in Rows(seed, "groups"))
        {
            var features = (group["features"]?.Values<string>() ?? []).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            store.Groups.Add(new EmulatorGroup(
                group.Value<long>("id"),
                group.Value<string>("description") ?? throw new InvalidDataException("A seed group has no description."),
                group.Value<string>("role") ?? "EvmRole-user",
                features.ToHashSet(StringComparer.Ordinal))
            {
                FeatureOrder = features,
            });
        }

        foreach (var user in Rows(seed, "users"))
        {
            store.Users.Add(new EmulatorUser(
                user.Value<long>("id"),
                user.Value<string>("userid") ?? throw new InvalidDataException("A seed user has no userid."),
                user.Value<string>("name") ?? string.Empty,
                user.Value<string>("password") ?? string.Empty,
                [.. (user["groups"]?.Values<string>() ?? []).OfType<string>()]));
        }
    }

    private static void DeclareSchema(string name, ResourceTable table)
    {
        if (Schema.Value.TryGetValue(name, out var columns))
        {
            table.DeclareColumns(columns);
        }
    }

    private static void Fill(JObject seed, string name, ResourceTable table)
    {
        DeclareSchema(name, table);
        foreach (var row in Rows(seed, name))
        {
            table.Add(row);
        }
    }

    private static JArray ArrayOf(JObject seed, string name) => seed[name] switch
    {
        null => (JArray)(seed[name] = new JArray()),
        JArray array => array,
        _ => throw new InvalidDataException($"The seed's {name} member is not an array."),
    };

    private static long NextId(JArray rows) => rows.OfType<JObject>().Select(r => r.Value<long?>("id") ?? 0).DefaultIfEmpty(0).Max() + 1;

    private static IEnumerable<JObject> Rows(JObject seed, string name) => seed[name] switch
    {
        null => [],
        JArray array => array.Select(item => item as JObject ?? throw new InvalidDataException($"The seed's {name} array holds a non-object.")).Select(o => (JObject)o.DeepClone()),
        _ => throw new InvalidDataException($"The seed's {name} member is not an array."),
    };
}
