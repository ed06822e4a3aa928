using System.Text.Json;

namespace ManageIQ.OpenScap.Vex;

/// <summary>
/// Reads the RPM statements of one CSAF 2.0 document (Red Hat's per-CVE VEX, or an advisory): each
/// <c>vulnerabilities[].product_status.fixed</c> / <c>known_affected</c> product id that
/// <c>product_tree.relationships</c> (<c>default_component_of</c>) resolves to an RPM component (its purl) of a RHEL
/// main-stream product (its CPE). Anything else (containers, modules, EUS streams, other products) is skipped. A
/// document that is not what CSAF 2.0 describes is refused, naming the document and the field.
/// </summary>
internal static class CsafVexDocumentReader
{
    private const string Relationship = "default_component_of";

    public static List<VexRpmStatement> Read(ReadOnlyMemory<byte> json, string document, VexOptions options)
    {
        JsonDocument parsed;
        try
        {
            parsed = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = options.MaxDepth });
        }
        catch (JsonException e)
        {
            throw new VexFormatException($"{document}: not JSON, or nested deeper than {options.MaxDepth} levels ({VexOptions.SectionName}:{nameof(options.MaxDepth)}): {e.Message}", e);
        }

        using (parsed)
        {
            return new Reading(document).Read(parsed.RootElement);
        }
    }

    private sealed class Reading(string document)
    {
        private readonly Dictionary<string, (string? Cpe, string? Purl)> products = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (string Component, string Platform, string Path)> relationships = new(StringComparer.Ordinal);

        public List<VexRpmStatement> Read(JsonElement root)
        {
            Expect(root, JsonValueKind.Object, "the document");
            var meta = Required(root, "document", JsonValueKind.Object, "document");
            var version = RequiredString(meta, "csaf_version", "document.csaf_version");
            if (version != "2.0")
            {
                throw Bad("document.csaf_version", $"is \"{version}\"; only CSAF 2.0 is read");
            }

            RequiredString(meta, "category", "document.category");
            var documentTitle = OptionalString(meta, "title", "document.title");
            var aggregate = Optional(meta, "aggregate_severity", JsonValueKind.Object, "document.aggregate_severity") is { } severity
                ? OptionalString(severity, "text", "document.aggregate_severity.text")
                : null;

            if (Optional(root, "product_tree", JsonValueKind.Object, "product_tree") is { } tree)
            {
                ReadTree(tree);
            }

            var statements = new List<VexRpmStatement>();
            if (Optional(root, "vulnerabilities", JsonValueKind.Array, "vulnerabilities") is not { } vulnerabilities)
            {
                return statements;
            }

            var index = 0;
            foreach (var vulnerability in vulnerabilities.EnumerateArray())
            {
                var path = $"vulnerabilities[{index++}]";
                Expect(vulnerability, JsonValueKind.Object, path);
                ReadVulnerability(vulnerability, path, documentTitle, aggregate, statements);
            }

            // Red Hat lists each fix's binaries beside its source RPM, per arch; the image's SOURCERPM reaches them
            // through the source, so a binary is kept only where no source RPM states the same fix.
            var sources = statements.Where(s => s.IsSource).Select(s => (s.Cve, s.Major, s.FixedEvr)).ToHashSet();
            statements.RemoveAll(s => !s.IsSource && sources.Contains((s.Cve, s.Major, s.FixedEvr)));
            return statements;
        }

        private void ReadVulnerability(JsonElement vulnerability, string path, string? documentTitle, string? aggregate, List<VexRpmStatement> statements)
        {
            // CSAF makes cve optional; without it there is no CVE to report.
            if (OptionalString(vulnerability, "cve", path + ".cve") is not { } cve)
            {
                return;
            }

            if (!cve.StartsWith("CVE-", StringComparison.OrdinalIgnoreCase) || cve.Length > 64)
            {
                throw Bad(path + ".cve", $"is \"{Shown(cve)}\", not a CVE id");
            }

            var title = Summary(vulnerability, path) ?? OptionalString(vulnerability, "title", path + ".title") ?? documentTitle;
            var impacts = Impacts(vulnerability, path);
            if (Optional(vulnerability, "product_status", JsonValueKind.Object, path + ".product_status") is not { } status)
            {
                return;
            }

            foreach (var (field, kind) in new[] { ("fixed", VexPackageStatus.Fixed), ("known_affected", VexPackageStatus.KnownAffected) })
            {
                var listPath = $"{path}.product_status.{field}";
                if (Optional(status, field, JsonValueKind.Array, listPath) is not { } ids)
                {
                    continue;
                }

                var i = 0;
                foreach (var id in ids.EnumerateArray())
                {
                    var idPath = $"{listPath}[{i++}]";
                    var productId = id.ValueKind == JsonValueKind.String ? id.GetString()! : throw Bad(idPath, $"is {Describe(id.ValueKind)}, not a product id");
                    if (Statement(cve, kind, productId, idPath, impacts.GetValueOrDefault(productId) ?? aggregate, title) is { } statement)
                    {
                        statements.Add(statement);
                    }
                }
            }
        }

        private VexRpmStatement? Statement(string cve, VexPackageStatus kind, string productId, string path, string? severity, string? title)
        {
            if (!relationships.TryGetValue(productId, out var relation))
            {
                // A product itself (red_hat_enterprise_linux_9) or a component outside any product: nothing to test.
                return products.ContainsKey(productId) ? null : throw Bad(path, $"names product \"{Shown(productId)}\", which the product tree does not define");
            }

            var (cpe, _) = products[relation.Platform];
            var (_, purl) = products[relation.Component];
            if (RhelPlatformCpe.Major(cpe) is not { } major || purl is null)
            {
                return null;
            }

            RpmPackageUrl? package;
            try
            {
                package = RpmPackageUrl.Parse(purl);
            }
            catch (FormatException e)
            {
                throw Bad($"product \"{Shown(relation.Component)}\"'s product_identification_helper.purl", e.Message);
            }

            if (package is null)
            {
                return null;
            }

            // A fixed component always has its version; one without cannot be compared, so it is not a test.
            return kind == VexPackageStatus.Fixed
                ? package.Evr is { } evr ? new VexRpmStatement(cve, major, kind, package.Name, package.IsSource, evr, severity, title) : null
                : new VexRpmStatement(cve, major, kind, package.Name, IsSource: true, null, severity, title);
        }

        private void ReadTree(JsonElement tree)
        {
            if (Optional(tree, "branches", JsonValueKind.Array, "product_tree.branches") is { } branches)
            {
                ReadBranches(branches, "product_tree.branches");
            }

            if (Optional(tree, "full_product_names", JsonValueKind.Array, "product_tree.full_product_names") is { } names)
            {
                var i = 0;
                foreach (var name in names.EnumerateArray())
                {
                    AddProduct(name, $"product_tree.full_product_names[{i++}]");
                }
            }

            if (Optional(tree, "relationships", JsonValueKind.Array, "product_tree.relationships") is not { } list)
            {
                return;
            }

            var index = 0;
            foreach (var relationship in list.EnumerateArray())
            {
                var path = $"product_tree.relationships[{index++}]";
                Expect(relationship, JsonValueKind.Object, path);
                var category = RequiredString(relationship, "category", path + ".category");
                var full = Required(relationship, "full_product_name", JsonValueKind.Object, path + ".full_product_name");
                var id = RequiredString(full, "product_id", path + ".full_product_name.product_id");
                var component = RequiredString(relationship, "product_reference", path + ".product_reference");
                var platform = RequiredString(relationship, "relates_to_product_reference", path + ".relates_to_product_reference");
                products.TryAdd(id, (null, null));
                if (category == Relationship)
                {
                    relationships[id] = (component, platform, path);
                }
            }

            foreach (var (_, (component, platform, path)) in relationships)
            {
                if (!products.ContainsKey(component))
                {
                    throw Bad(path + ".product_reference", $"names product \"{Shown(component)}\", which the product tree does not define");
                }

                if (!products.ContainsKey(platform))
                {
                    throw Bad(path + ".relates_to_product_reference", $"names product \"{Shown(platform)}\", which the product tree does not define");
                }
            }
        }

        /// <summary>Walks the branches (vendor, product_family, product_name, architecture, product_version); JSON's depth limit bounds the recursion.</summary>
        private void ReadBranches(JsonElement branches, string path)
        {
            var i = 0;
            foreach (var branch in branches.EnumerateArray())
            {
                var branchPath = $"{path}[{i++}]";
                Expect(branch, JsonValueKind.Object, branchPath);
                if (Optional(branch, "product", JsonValueKind.Object, branchPath + ".product") is { } product)
                {
                    AddProduct(product, branchPath + ".product");
                }

                if (Optional(branch, "branches", JsonValueKind.Array, branchPath + ".branches") is { } children)
                {
                    ReadBranches(children, branchPath + ".branches");
                }
            }
        }

        private void AddProduct(JsonElement product, string path)
        {
            Expect(product, JsonValueKind.Object, path);
            var id = RequiredString(product, "product_id", path + ".product_id");
            string? cpe = null, purl = null;
            if (Optional(product, "product_identification_helper", JsonValueKind.Object, path + ".product_identification_helper") is { } helper)
            {
                cpe = OptionalString(helper, "cpe", path + ".product_identification_helper.cpe");
                purl = OptionalString(helper, "purl", path + ".product_identification_helper.purl");
            }

            products[id] = (cpe, purl);
        }

        private Dictionary<string, string> Impacts(JsonElement vulnerability, string path)
        {
            var impacts = new Dictionary<string, string>(StringComparer.Ordinal);
            if (Optional(vulnerability, "threats", JsonValueKind.Array, path + ".threats") is not { } threats)
            {
                return impacts;
            }

            var i = 0;
            foreach (var threat in threats.EnumerateArray())
            {
                var threatPath = $"{path}.threats[{i++}]";
                Expect(threat, JsonValueKind.Object, threatPath);
                if (OptionalString(threat, "category", threatPath + ".category") != "impact"
                    || OptionalString(threat, "details", threatPath + ".details") is not { } details
                    || Optional(threat, "product_ids", JsonValueKind.Array, threatPath + ".product_ids") is not { } ids)
                {
                    continue;
                }

                foreach (var id in ids.EnumerateArray())
                {
                    if (id.ValueKind == JsonValueKind.String)
                    {
                        impacts[id.GetString()!] = details;
                    }
                }
            }

            return impacts;
        }

        private string? Summary(JsonElement vulnerability, string path)
        {
            if (Optional(vulnerability, "notes", JsonValueKind.Array, path + ".notes") is not { } notes)
            {
                return null;
            }

            var i = 0;
            foreach (var note in notes.EnumerateArray())
            {
                var notePath = $"{path}.notes[{i++}]";
                Expect(note, JsonValueKind.Object, notePath);
                if (OptionalString(note, "category", notePath + ".category") == "summary" && OptionalString(note, "text", notePath + ".text") is { } text)
                {
                    return text;
                }
            }

            return null;
        }

        private JsonElement Required(JsonElement parent, string name, JsonValueKind kind, string path) =>
            Optional(parent, name, kind, path) ?? throw Bad(path, "is missing");

        private JsonElement? Optional(JsonElement parent, string name, JsonValueKind kind, string path)
        {
            if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            Expect(value, kind, path);
            return value;
        }

        private string RequiredString(JsonElement parent, string name, string path) =>
            OptionalString(parent, name, path) ?? throw Bad(path, "is missing");

        private string? OptionalString(JsonElement parent, string name, string path) =>
            Optional(parent, name, JsonValueKind.String, path)?.GetString();

        private void Expect(JsonElement element, JsonValueKind kind, string path)
        {
            if (element.ValueKind != kind)
            {
                throw Bad(path, $"is {Describe(element.ValueKind)}, not {Describe(kind)}");
            }
        }

        private VexFormatException Bad(string path, string what) => new($"{document}: {path} {what}.");

        private static string Describe(JsonValueKind kind) => kind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            JsonValueKind.Null => "null",
            _ => "undefined",
        };

        private static string Shown(string value) => value.Length <= 120 ? value : value[..120] + "…";
    }
}
