using System.Text.Json.Nodes;

namespace ManageIQ.OpenScap.Testing;

/// <summary>
/// Writes a CSAF 2.0 VEX document about one CVE, laid out as the CSAF 2.0 schema and Red Hat's VEX guide describe
/// (vendor, product family, product name and architecture branches; <c>default_component_of</c> relationships; a
/// <c>product_status</c>), with the tests' own products and packages.
/// </summary>
public sealed class CsafVexDocument(string cve, string severity = "Important")
{
    private readonly List<(string Id, string Name, string Cpe)> products = [];
    private readonly Dictionary<string, List<(string Id, string Purl)>> components = new(StringComparer.Ordinal);
    private readonly List<(string Component, string Product)> relationships = [];
    private readonly List<string> fixedIds = [];
    private readonly List<string> affectedIds = [];

    /// <summary>A product (a RHEL stream) the components belong to.</summary>
    public CsafVexDocument Product(string id, string name, string cpe)
    {
        products.Add((id, name, cpe));
        return this;
    }

    /// <summary>A fixed RPM of <paramref name="product"/>: <c>name-[epoch:]version-release.arch</c>.</summary>
    public CsafVexDocument Fixed(string product, string name, string versionRelease, string arch = "src", int? epoch = null)
    {
        var id = $"{name}-{epoch ?? 0}:{versionRelease}.{arch}";
        var purl = $"pkg:rpm/redhat/{name}@{versionRelease}?arch={arch}" + (epoch is { } e ? $"&epoch={e}" : string.Empty);
        Component(arch, id, purl);
        relationships.Add((id, product));
        fixedIds.Add(product + ":" + id);
        return this;
    }

    /// <summary>An unfixed source RPM of <paramref name="product"/>, named without a version.</summary>
    public CsafVexDocument Affected(string product, string name)
    {
        Component(null, name, $"pkg:rpm/redhat/{name}?arch=src");
        relationships.Add((name, product));
        affectedIds.Add(product + ":" + name);
        return this;
    }

    public string ToJson()
    {
        var families = new JsonArray();
        foreach (var (id, name, cpe) in products)
        {
            families.Add(new JsonObject
            {
                ["category"] = "product_family",
                ["name"] = name,
                ["branches"] = new JsonArray(new JsonObject
                {
                    ["category"] = "product_name",
                    ["name"] = name,
                    ["product"] = new JsonObject { ["name"] = name, ["product_id"] = id, ["product_identification_helper"] = new JsonObject { ["cpe"] = cpe } },
                }),
            });
        }

        foreach (var (arch, list) in components)
        {
            var versions = new JsonArray([.. list.Select(c => (JsonNode)new JsonObject
            {
                ["category"] = "product_version",
                ["name"] = c.Id,
                ["product"] = new JsonObject { ["name"] = c.Id, ["product_id"] = c.Id, ["product_identification_helper"] = new JsonObject { ["purl"] = c.Purl } },
            })]);
            if (arch.Length == 0)
            {
                foreach (var version in versions.ToList())
                {
                    versions.Remove(version);
                    families.Add(version);
                }
            }
            else
            {
                families.Add(new JsonObject { ["category"] = "architecture", ["name"] = arch, ["branches"] = versions });
            }
        }

        var document = new JsonObject
        {
            ["document"] = new JsonObject
            {
                ["category"] = "csaf_vex",
                ["csaf_version"] = "2.0",
                ["title"] = $"test package: flaw {cve}",
                ["aggregate_severity"] = new JsonObject { ["text"] = severity.ToLowerInvariant() },
                ["publisher"] = new JsonObject { ["category"] = "vendor", ["name"] = "Test Product Security", ["namespace"] = "https://security.example.test" },
                ["tracking"] = new JsonObject
                {
                    ["id"] = cve,
                    ["status"] = "final",
                    ["version"] = "1",
                    ["initial_release_date"] = "2026-01-05T00:00:00+00:00",
                    ["current_release_date"] = "2026-01-06T00:00:00+00:00",
                    ["revision_history"] = new JsonArray(new JsonObject { ["date"] = "2026-01-06T00:00:00+00:00", ["number"] = "1", ["summary"] = "First" }),
                },
            },
            ["product_tree"] = new JsonObject
            {
                ["branches"] = new JsonArray(new JsonObject { ["category"] = "vendor", ["name"] = "Test Vendor", ["branches"] = families }),
                ["relationships"] = new JsonArray([.. relationships.Select(r => (JsonNode)new JsonObject
                {
                    ["category"] = "default_component_of",
                    ["full_product_name"] = new JsonObject { ["name"] = $"{r.Component} as a component of {r.Product}", ["product_id"] = r.Product + ":" + r.Component },
                    ["product_reference"] = r.Component,
                    ["relates_to_product_reference"] = r.Product,
                })]),
            },
            ["vulnerabilities"] = new JsonArray(new JsonObject
            {
                ["cve"] = cve,
                ["notes"] = new JsonArray(new JsonObject { ["category"] = "summary", ["text"] = $"test package: flaw {cve}", ["title"] = "Vulnerability summary" }),
                ["product_status"] = new JsonObject { ["fixed"] = new JsonArray([.. fixedIds.Select(i => (JsonNode)i)]), ["known_affected"] = new JsonArray([.. affectedIds.Select(i => (JsonNode)i)]) },
                ["threats"] = new JsonArray(new JsonObject { ["category"] = "impact", ["details"] = severity, ["product_ids"] = new JsonArray([.. fixedIds.Concat(affectedIds).Select(i => (JsonNode)i)]) }),
            }),
        };
        return document.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }

    private void Component(string? arch, string id, string purl)
    {
        var key = arch ?? string.Empty;
        if (!components.TryGetValue(key, out var list))
        {
            components[key] = list = [];
        }

        if (!list.Any(c => c.Id == id))
        {
            list.Add((id, purl));
        }
    }
}
