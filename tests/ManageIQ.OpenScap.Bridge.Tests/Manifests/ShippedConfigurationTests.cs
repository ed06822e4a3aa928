using ManageIQ.OpenScap.Bridge.Hosting;
using ManageIQ.OpenScap.ManageIq.Configuration;
using ManageIQ.OpenScap.Scanner.Hosting;
using ManageIQ.OpenScap.Service.Health;
using ManageIQ.OpenScap.Service.Hosting;
using ManageIQ.OpenScap.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;
using YamlDotNet.RepresentationModel;

namespace ManageIQ.OpenScap.Bridge.Tests.Manifests;

/// <summary>The manifests match the program: the ConfigMap is a configuration the bridge accepts, the Secret's keys are the ones it reads.</summary>
public sealed class ShippedConfigurationTests
{
    [Test]
    public void ConfigMap_AppSettings_PassTheBridgesOwnValidation()
    {
        using var directory = new TempDirectory();
        var config = directory.Combine("appsettings.json");
        File.WriteAllText(config, ConfigMapEntry("appsettings.json"));
        // The Secret's variables, as the Deployment's envFrom sets them.
        var secret = new Dictionary<string, string?> { ["ManageIq:User"] = "from-secret", ["ManageIq:Password"] = "from-secret" };
        var builder = ScanHost.CreateBuilder(config, secret, environmentPrefix: null);
        builder.Services.AddBridgeAnalysis(builder.Configuration, sweepOrphans: true);
        using var host = builder.Build();

        // Only the cluster itself is missing here: the in-cluster mode needs the pod's service account token.
        Assert.That(Failures(() => host.Services.GetRequiredService<IStartupValidator>().Validate()), Is.All.Match("^Kubernetes:Clusters:0:Mode is InCluster but this process does not run in a pod"));
        Assert.That(builder.Configuration["Bridge:StateDirectory"], Does.StartWith(StateMountPath() + "/"), "the state directory is on the PersistentVolumeClaim");
    }

    [Test]
    public void ConfigMap_AppSettings_PassTheServiceValidation()
    {
        using var directory = new TempDirectory();
        var config = directory.Combine("appsettings.json");
        File.WriteAllText(config, ConfigMapEntry("appsettings.json"));
        var secret = new Dictionary<string, string?> { ["ManageIq:User"] = "from-secret", ["ManageIq:Password"] = "from-secret" };
        var builder = BridgeServiceHost.CreateBuilder(config, secret, ServeHostExtensions.AddServeBackends);
        using var app = BridgeServiceHost.Build(builder);

        // Only the pod is missing here: the in-cluster mode needs its service account token, the Lease its namespace file.
        Assert.That(
            Failures(() => app.Services.GetRequiredService<IStartupValidator>().Validate()),
            Is.All.Match("^(Kubernetes:Clusters:0:Mode is InCluster but this process does not run in a pod|Bridge:Leadership:Namespace is not set and the pod's namespace cannot be read)"));
        Assert.That(builder.Configuration["Bridge:Leadership:Mode"], Is.EqualTo("lease"));
        Assert.That(app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Service.Configuration.ServiceOptions>>().Value.Providers.Mode, Is.EqualTo(Service.Configuration.ProviderSelectionMode.Assigned), "scanning follows the UI's Manage Policies");
        Assert.That(builder.Configuration["Logging:Console:FormatterName"], Is.EqualTo("json"), "one JSON object per line for the log collector");
    }

    [Test]
    public void Deployment_RunsServe_WithProbesOnTheServedEndpointsAndPort()
    {
        var container = Container();
        Assert.That(((YamlSequenceNode)container["args"]).Select(a => a.ToString()).Single(), Is.EqualTo("serve"));
        var port = ((YamlSequenceNode)container["ports"]).Cast<YamlMappingNode>().Single();
        var url = JObject.Parse(ConfigMapEntry("appsettings.json")).SelectToken("Kestrel.Endpoints.Http.Url")!.Value<string>()!;
        Assert.That(port["containerPort"].ToString(), Is.EqualTo(new Uri(url.Replace("0.0.0.0", "localhost", StringComparison.Ordinal)).Port.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        string Probe(string kind) => ((YamlMappingNode)((YamlMappingNode)container[kind])["httpGet"])["path"].ToString();
        Assert.That((Probe("startupProbe"), Probe("livenessProbe"), Probe("readinessProbe")), Is.EqualTo((HealthEndpoints.Liveness, HealthEndpoints.Liveness, HealthEndpoints.Readiness)));
        var deployment = (YamlMappingNode)Document("deployment.yaml")["spec"];
        Assert.That((deployment["replicas"].ToString(), ((YamlMappingNode)deployment["strategy"])["type"].ToString()), Is.EqualTo(("1", "Recreate")));
    }

    [Test]
    public void Secret_Keys_AreTheVariablesTheClientReads()
    {
        var secret = Document("secret-template.yaml");
        var keys = ((YamlMappingNode)secret["stringData"]).Children.Keys.Select(k => k.ToString()).ToList();
        Assert.That(keys, Is.SubsetOf(new[] { ManageIqCredentials.UserVariable, ManageIqCredentials.PasswordVariable, ManageIqCredentials.TokenVariable }));
        Assert.That(keys, Does.Contain(ManageIqCredentials.UserVariable).And.Contain(ManageIqCredentials.PasswordVariable));
    }

    private static List<string> Failures(Action validate)
    {
        try
        {
            validate();
            return [];
        }
        catch (OptionsValidationException e)
        {
            return [.. e.Failures];
        }
        catch (AggregateException e)
        {
            return [.. e.InnerExceptions.SelectMany(i => i is OptionsValidationException o ? o.Failures : [i.Message])];
        }
    }

    private static string StateMountPath()
    {
        var pod = (YamlMappingNode)((YamlMappingNode)Document("deployment.yaml")["spec"])["template"];
        var spec = (YamlMappingNode)pod["spec"];
        var claim = ((YamlSequenceNode)spec["volumes"]).Cast<YamlMappingNode>()
            .Single(v => v.Children.ContainsKey("persistentVolumeClaim"));
        return ((YamlSequenceNode)Container()["volumeMounts"]).Cast<YamlMappingNode>()
            .Single(m => m["name"].ToString() == claim["name"].ToString())["mountPath"].ToString();
    }

    private static YamlMappingNode Container()
    {
        var pod = (YamlMappingNode)((YamlMappingNode)Document("deployment.yaml")["spec"])["template"];
        return ((YamlSequenceNode)((YamlMappingNode)pod["spec"])["containers"]).Cast<YamlMappingNode>().Single();
    }

    private static string ConfigMapEntry(string key) => ((YamlMappingNode)Document("configmap.yaml")["data"])[key].ToString();

    private static YamlMappingNode Document(string file)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(RepositoryRoot.Combine("manifests", "base", file))));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }
}
