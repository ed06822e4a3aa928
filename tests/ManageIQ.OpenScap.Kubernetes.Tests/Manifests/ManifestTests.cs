using k8s;
using ManageIQ.OpenScap.Contracts.Leadership;
using ManageIQ.OpenScap.Kubernetes.Configuration;
using ManageIQ.OpenScap.Kubernetes.Pods;
using ManageIQ.OpenScap.Testing;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace ManageIQ.OpenScap.Kubernetes.Tests.Manifests;

public sealed class ManifestTests
{
    /// <summary>(api group, resource) to the exact verbs each role may hold.</summary>
    private static readonly Dictionary<string, Dictionary<(string Group, string Resource), string[]>> ExpectedRoles = new(StringComparer.Ordinal)
    {
        ["Role/manageiq-openscap-scanner"] = new()
        {
            [("", "pods")] = ["create", "delete", "get", "list", "watch"],
            [("", "pods/proxy")] = ["get"],
            [("", "serviceaccounts")] = ["get"],
            [("", "secrets")] = ["create", "delete", "get", "list", "patch"],
        },
        ["Role/manageiq-openscap-leader"] = new()
        {
            [("coordination.k8s.io", "leases")] = ["create", "get", "update"],
        },
        ["ClusterRole/manageiq-openscap-image-annotator"] = new()
        {
            [("image.openshift.io", "images")] = ["get", "patch"],
        },
    };

    private static readonly string[] DeliveredObjects =
    [
        "Namespace/management-infra", "ServiceAccount/manageiq-openscap-bridge", "ServiceAccount/inspector-admin",
        "Role/manageiq-openscap-scanner", "RoleBinding/manageiq-openscap-scanner", "ConfigMap/manageiq-openscap-bridge",
        "Role/manageiq-openscap-leader", "RoleBinding/manageiq-openscap-leader",
        "PersistentVolumeClaim/manageiq-openscap-bridge-state", "Secret/manageiq-openscap-credentials", "Deployment/manageiq-openscap-bridge",
        "ClusterRole/manageiq-openscap-image-annotator", "ClusterRoleBinding/manageiq-openscap-image-annotator",
    ];

    private static IEnumerable<string> YamlFiles() =>
        Directory.EnumerateFiles(RepositoryRoot.Combine("manifests"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    private static IEnumerable<string> Kustomizations() => YamlFiles().Where(f => Path.GetFileName(f) == "kustomization.yaml");

    /// <summary>The overlays' patch files: parts of objects, not objects (RenderedManifestTests checks what they make).</summary>
    private static HashSet<string> PatchFiles() =>
        [.. Kustomizations().SelectMany(k => Entries(k, "patchesStrategicMerge").Select(p => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(k)!, p))))];

    private static IEnumerable<string> ManifestFiles()
    {
        var patches = PatchFiles();
        return YamlFiles().Where(f => !patches.Contains(Path.GetFullPath(f)));
    }

    private static IEnumerable<string> Entries(string kustomization, string key) =>
        YamlNode.Items(new DeserializerBuilder().Build().Deserialize<object>(File.ReadAllText(kustomization)), key).Select(r => r.ToString()!);

    private static List<(string File, object Document)> Documents()
    {
        var deserializer = new DeserializerBuilder().Build();
        var documents = new List<(string, object)>();
        foreach (var file in ManifestFiles())
        {
            var parser = new Parser(new StringReader(File.ReadAllText(file)));
            parser.Consume<StreamStart>();
            while (parser.Accept<DocumentStart>(out _))
            {
                if (deserializer.Deserialize(parser) is { } document)
                {
                    documents.Add((Path.GetRelativePath(RepositoryRoot.Path, file), document));
                }
            }
        }

        return documents;
    }

    [Test]
    public void Manifests_Always_ParseAndIncludeTheDeliveredObjects()
    {
        var kinds = Documents().Select(d => $"{YamlNode.Text(d.Document, "kind")}/{YamlNode.Text(d.Document, "metadata", "name")}").ToList();

        Assert.That(kinds, Is.SupersetOf(DeliveredObjects));
        Assert.That(File.Exists(RepositoryRoot.Combine("manifests", "bridge", "Containerfile")), Is.True);
    }

    [Test]
    public void Workloads_InEveryManifest_KeepThePodSecurityRules()
    {
        var workloads = Documents().Select(d => (d.File, d.Document, Spec: PodSpecRules.PodSpecOf(d.Document))).Where(w => w.Spec is not null).ToList();

        Assert.That(workloads, Is.Not.Empty);
        Assert.That(workloads.SelectMany(w => PodSpecRules.Violations($"{w.File}:{YamlNode.Text(w.Document, "metadata", "name")}", w.Spec!)), Is.Empty);
    }

    [Test]
    public void GeneratedScanningPod_WithSecretsProxyAndTolerations_KeepsThePodSecurityRules()
    {
        var options = new ScanPodOptions { HttpsProxy = "http://proxy.example:3128" };
        options.Tolerations.Add(new TolerationOptions { Key = "scanning", Operator = "Exists", Effect = "NoSchedule" });
        var spec = new ScanPodSpec("manageiq-img-scan-0123456789ab", "management-infra", "job", "registry.example/app:1", "sha256:1", TimeSpan.FromMinutes(20), DateTimeOffset.UtcNow, [new PullSecret("pull", PullSecret.DockerCfgKey)], "token");
        var yaml = KubernetesYaml.Serialize(ScanPodBuilder.Build(spec, options, "manageiq-openscap"));

        var document = new DeserializerBuilder().Build().Deserialize<object>(yaml);

        Assert.That(PodSpecRules.Violations("generated pod", PodSpecRules.PodSpecOf(document)!), Is.Empty);
        Assert.That(YamlNode.IsTrue(document, "spec", "automountServiceAccountToken"), Is.False);
        Assert.That(YamlNode.Text(document, "spec", "restartPolicy"), Is.EqualTo("Never"));
    }

    [Test]
    public void PodSpecRules_PrivilegedPodWithDockerSocket_AreCaught()
    {
        const string yaml = """
            kind: Pod
            metadata: {name: bad}
            spec:
              containers:
              - name: c
                securityContext: {privileged: true}
                volumeMounts: [{name: docker-socket, mountPath: /var/run/docker.sock}]
              volumes:
              - name: docker-socket
                hostPath: {path: /var/run/docker.sock}
            """;
        var document = new DeserializerBuilder().Build().Deserialize<object>(yaml);

        var problems = PodSpecRules.Violations("bad", PodSpecRules.PodSpecOf(document)!);

        Assert.That(problems, Has.Some.Contains("privileged"));
        Assert.That(problems, Has.Some.Contains("hostPath"));
        Assert.That(problems, Has.Some.Contains("socket"));
        Assert.That(problems, Has.Some.Contains("runAsNonRoot"));
        Assert.That(problems, Has.Some.Contains("limits"));
    }

    [Test]
    public void Roles_InEveryManifest_GrantExactlyTheNeededVerbs()
    {
        var roles = Documents().Where(d => YamlNode.Text(d.Document, "kind") is "Role" or "ClusterRole").ToList();
        var seen = new List<string>();
        foreach (var (file, role) in roles)
        {
            var key = $"{YamlNode.Text(role, "kind")}/{YamlNode.Text(role, "metadata", "name")}";
            seen.Add(key);
            Assert.That(ExpectedRoles.ContainsKey(key), Is.True, $"{file}: unexpected role {key}");
            var granted = new Dictionary<(string, string), SortedSet<string>>();
            foreach (var rule in YamlNode.Items(role, "rules"))
            {
                foreach (var group in YamlNode.Items(rule, "apiGroups").Select(g => g.ToString() ?? ""))
                {
                    foreach (var resource in YamlNode.Items(rule, "resources").Select(r => r.ToString() ?? ""))
                    {
                        var verbs = granted.TryGetValue((group, resource), out var set) ? set : granted[(group, resource)] = new SortedSet<string>(StringComparer.Ordinal);
                        verbs.UnionWith(YamlNode.Items(rule, "verbs").Select(v => v.ToString() ?? ""));
                    }
                }
            }

            Assert.That(
                granted.ToDictionary(p => p.Key, p => string.Join(",", p.Value)),
                Is.EquivalentTo(ExpectedRoles[key].ToDictionary(p => p.Key, p => string.Join(",", p.Value.Order(StringComparer.Ordinal)))),
                $"{file}: {key}");
        }

        Assert.That(seen, Is.EquivalentTo(ExpectedRoles.Keys));
    }

    [Test]
    public void LeaderRole_InTheBridgesNamespace_GetsAndUpdatesOnlyItsLeaseAndIsBoundToTheBridge()
    {
        var documents = Documents().Select(d => d.Document).ToList();
        var bridge = documents.Single(d => YamlNode.Text(d, "kind") == "Deployment" && YamlNode.Text(d, "metadata", "name") == "manageiq-openscap-bridge");
        var role = documents.Single(d => YamlNode.Text(d, "kind") == "Role" && YamlNode.Text(d, "metadata", "name") == "manageiq-openscap-leader");
        var binding = documents.Single(d => YamlNode.Text(d, "kind") == "RoleBinding" && YamlNode.Text(d, "metadata", "name") == "manageiq-openscap-leader");
        var rules = YamlNode.Items(role, "rules").Select(r => (
            Verbs: string.Join(",", YamlNode.Items(r, "verbs").Select(v => v.ToString()).Order(StringComparer.Ordinal)),
            Names: string.Join(",", YamlNode.Items(r, "resourceNames").Select(n => n.ToString())))).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(YamlNode.Text(role, "metadata", "namespace"), Is.EqualTo(YamlNode.Text(bridge, "metadata", "namespace")), "the Lease lives in the bridge's own namespace");
            Assert.That(rules, Is.EquivalentTo(new[] { ("create", ""), ("get,update", LeadershipOptions.DefaultLeaseName) }));
            Assert.That(YamlNode.Text(binding, "metadata", "namespace"), Is.EqualTo(YamlNode.Text(role, "metadata", "namespace")));
            Assert.That(YamlNode.Text(binding, "roleRef", "name"), Is.EqualTo("manageiq-openscap-leader"));
            Assert.That(YamlNode.Items(binding, "subjects").Select(s => YamlNode.Text(s, "name")), Is.EqualTo(new[] { YamlNode.Text(bridge, "spec", "template", "spec", "serviceAccountName") }));
        });
    }

    [Test]
    public void Roles_TheImageAnnotationPermission_IsOnlyInTheOpenShiftOverlay()
    {
        var files = Documents().Where(d => YamlNode.Text(d.Document, "kind") == "ClusterRole").Select(d => d.File.Replace('\\', '/')).ToList();
        var baseResources = Entries(RepositoryRoot.Combine("manifests", "base", "kustomization.yaml"), "resources").ToList();

        Assert.That(files, Is.All.StartsWith("manifests/openshift/"));
        Assert.That(baseResources, Has.None.Contains("openshift"));
    }

    [Test]
    public void Kustomizations_ListOnlyFilesThatExist()
    {
        foreach (var kustomization in Kustomizations())
        {
            var directory = Path.GetDirectoryName(kustomization)!;
            // kustomize v2.0.3 (Debian 12's kubectl) reads only files under resources: directories go under bases.
            Assert.That(Entries(kustomization, "resources").Select(r => Path.Combine(directory, r)), Has.All.Matches<string>(File.Exists), kustomization);
            Assert.That(Entries(kustomization, "bases").Select(b => Path.Combine(directory, b, "kustomization.yaml")), Has.All.Matches<string>(File.Exists), kustomization);
            Assert.That(YamlNode.At(new DeserializerBuilder().Build().Deserialize<object>(File.ReadAllText(kustomization)), "patches"), Is.Null, kustomization + ": kustomize v2.0.3 has no patches:");
            foreach (var resource in Entries(kustomization, "resources").Concat(Entries(kustomization, "patchesStrategicMerge")))
            {
                var path = Path.GetFullPath(Path.Combine(directory, resource));
                Assert.That(File.Exists(path) || File.Exists(Path.Combine(path, "kustomization.yaml")), Is.True, $"{kustomization}: {resource}");
            }
        }
    }

    [Test]
    public void SecretTemplate_Always_HoldsPlaceholdersOnly()
    {
        var secrets = Documents().Where(d => YamlNode.Text(d.Document, "kind") == "Secret").ToList();

        Assert.That(secrets, Is.Not.Empty);
        foreach (var (file, secret) in secrets)
        {
            Assert.That(YamlNode.At(secret, "data"), Is.Null, $"{file}: base64 data hides real values; use stringData placeholders");
            var values = (YamlNode.At(secret, "stringData") as IDictionary<object, object> ?? new Dictionary<object, object>()).Values.Select(v => v.ToString() ?? "");
            Assert.That(values, Is.All.Match("^(REPLACE_ME|https://[a-z.]+\\.invalid)$"), file);
        }
    }
}
