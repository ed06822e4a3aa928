using k8s;
using k8s.Models;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace ManageIQ.OpenScap.Kubernetes.Tests.Manifests;

/// <summary>
/// What <c>kubectl kustomize</c> makes of manifests/ and manifests/openshift/, with Debian 12's kubectl (kustomize
/// v2.0.3) and with a current one: every object parses as its Kubernetes type, and the workloads keep the pod
/// security rules as rendered, patches applied.
/// </summary>
[TestFixture(Kustomize.Debian)]
[TestFixture(Kustomize.OnPath)]
public sealed class RenderedManifestTests(string kubectl)
{
    private static readonly string[] Common =
    [
        "Namespace/management-infra", "ServiceAccount/manageiq-openscap-bridge", "ServiceAccount/inspector-admin",
        "Role/manageiq-openscap-scanner", "RoleBinding/manageiq-openscap-scanner", "Role/manageiq-openscap-leader",
        "RoleBinding/manageiq-openscap-leader", "ConfigMap/manageiq-openscap-bridge",
        "PersistentVolumeClaim/manageiq-openscap-bridge-state", "Deployment/manageiq-openscap-bridge",
    ];

    private static readonly string[] OpenShiftOnly = ["ClusterRole/manageiq-openscap-image-annotator", "ClusterRoleBinding/manageiq-openscap-image-annotator"];

    [TestCase("manifests")]
    [TestCase("manifests/openshift")]
    [TestCase("manifests/rpm-scanning")]
    public void Render_EveryObject_ParsesAsItsKubernetesType(string directory)
    {
        var objects = KubernetesYaml.LoadAllFromString(Kustomize.Render(kubectl, directory));

        Assert.That(objects, Has.None.Null);
        Assert.That(objects.Select(o => o.GetType().Namespace), Has.All.EqualTo(typeof(V1Pod).Namespace), "typed, not left as unknown kinds");
        var names = objects.Select(o => $"{((IKubernetesObject)o).Kind}/{((IMetadata<V1ObjectMeta>)o).Metadata.Name}").ToList();
        Assert.That(names, Is.EquivalentTo(directory == "manifests/openshift" ? [.. Common, .. OpenShiftOnly] : Common));
        Assert.That(objects.OfType<IMetadata<V1ObjectMeta>>().Where(o => o is not V1Namespace and not V1ClusterRole and not V1ClusterRoleBinding)
            .Select(o => o.Metadata.NamespaceProperty), Has.All.EqualTo("management-infra"));
    }

    [TestCase("manifests")]
    [TestCase("manifests/openshift")]
    [TestCase("manifests/rpm-scanning")]
    public void Render_Workloads_KeepThePodSecurityRules(string directory)
    {
        var documents = Documents(Kustomize.Render(kubectl, directory));
        var workloads = documents.Select(d => (Document: d, Spec: PodSpecRules.PodSpecOf(d))).Where(w => w.Spec is not null).ToList();

        Assert.That(workloads, Has.Count.EqualTo(1));
        Assert.That(workloads.SelectMany(w => PodSpecRules.Violations($"{directory}:{YamlNode.Text(w.Document, "metadata", "name")}", w.Spec!)), Is.Empty);
    }

    [Test]
    public void Render_OpenShift_SwitchesThePlatformAndLeavesTheBridgesUserToTheScc()
    {
        var objects = KubernetesYaml.LoadAllFromString(Kustomize.Render(kubectl, "manifests/openshift"));
        var plain = KubernetesYaml.LoadAllFromString(Kustomize.Render(kubectl, "manifests"));

        var settings = objects.OfType<V1ConfigMap>().Single().Data["appsettings.json"];
        var plainSettings = plain.OfType<V1ConfigMap>().Single().Data["appsettings.json"];
        Assert.That(settings, Is.EqualTo(plainSettings.Replace("\"Platform\": \"Kubernetes\"", "\"Platform\": \"OpenShift\"", StringComparison.Ordinal)));
        Assert.That(settings, Does.Contain("\"Platform\": \"OpenShift\""));
        var context = objects.OfType<V1Deployment>().Single().Spec.Template.Spec.SecurityContext;
        Assert.That((context.RunAsUser, context.RunAsGroup, context.FsGroup), Is.EqualTo(((long?)null, (long?)null, (long?)null)));
        Assert.That(context.RunAsNonRoot, Is.True);
        Assert.That(plain.OfType<V1Deployment>().Single().Spec.Template.Spec.SecurityContext.RunAsUser, Is.EqualTo(65532));
    }

    [Test]
    public void Render_RpmScanning_EnforcesBaselineOnTheScanningNamespaceOnly()
    {
        var objects = KubernetesYaml.LoadAllFromString(Kustomize.Render(kubectl, "manifests/rpm-scanning"));
        var plain = KubernetesYaml.LoadAllFromString(Kustomize.Render(kubectl, "manifests"));

        var labels = objects.OfType<V1Namespace>().Single().Metadata.Labels;
        foreach (var mode in new[] { "enforce", "warn", "audit" })
        {
            Assert.That(labels["pod-security.kubernetes.io/" + mode], Is.EqualTo("baseline"), mode);
        }

        Assert.That(labels["app.kubernetes.io/part-of"], Is.EqualTo("manageiq-openscap"));
        Assert.That(plain.OfType<V1Namespace>().Single().Metadata.Labels["pod-security.kubernetes.io/enforce"], Is.EqualTo("restricted"));
        Assert.That(KubernetesYaml.SerializeAll(objects.Where(o => o is not V1Namespace)), Is.EqualTo(KubernetesYaml.SerializeAll(plain.Where(o => o is not V1Namespace))));
    }

    private static List<object> Documents(string yaml)
    {
        var deserializer = new DeserializerBuilder().Build();
        var parser = new Parser(new StringReader(yaml));
        parser.Consume<StreamStart>();
        var documents = new List<object>();
        while (parser.Accept<DocumentStart>(out _))
        {
            if (deserializer.Deserialize(parser) is { } document)
            {
                documents.Add(document);
            }
        }

        return documents;
    }
}
