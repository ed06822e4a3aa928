using System.Globalization;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ManageIQ.OpenScap.Kubernetes.FakeApi;

/// <summary>Secrets: create, get, list by label, merge patch, delete with a uid precondition, and garbage collection by owner.</summary>
public sealed partial class FakeKubernetesApiServer
{
    private long secretVersion;

    /// <summary>The secrets carrying this label, as a scanning pod's own secret does.</summary>
    public IReadOnlyList<V1Secret> SecretsLabelled(string label) =>
        [.. Secrets.Values.Where(s => s.Metadata.Labels?.ContainsKey(label) == true)];

    private void MapSecrets()
    {
        const string secrets = "/api/v1/namespaces/{ns}/secrets";
        app.MapPost(secrets, CreateSecretAsync);
        app.MapGet(secrets, ListSecretsAsync);
        app.MapGet(secrets + "/{name}", (HttpContext c, string ns, string name) =>
        {
            Count("get secret");
            return Secrets.TryGetValue((ns, name), out var secret) ? WriteAsync(c, 200, secret) : NotFoundAsync(c, "secrets", name);
        });
        app.MapMethods(secrets + "/{name}", ["PATCH"], PatchSecretAsync);
        app.MapDelete(secrets + "/{name}", DeleteSecretAsync);
    }

    private async Task CreateSecretAsync(HttpContext context, string ns)
    {
        Count("create secret");
        var secret = KubernetesJson.Deserialize<V1Secret>(await ReadBodyAsync(context));
        if (secret?.Metadata?.Name is null)
        {
            await WriteStatusAsync(context, 422, "Invalid", "secret needs metadata.name");
            return;
        }

        secret.Metadata.NamespaceProperty = ns;
        secret.Metadata.Uid = Guid.NewGuid().ToString();
        secret.Metadata.CreationTimestamp = DateTime.UtcNow;
        secret.Metadata.ResourceVersion = Interlocked.Increment(ref secretVersion).ToString(CultureInfo.InvariantCulture);
        if (!Secrets.TryAdd((ns, secret.Metadata.Name), secret))
        {
            await WriteStatusAsync(context, 409, "AlreadyExists", $"secrets \"{secret.Metadata.Name}\" already exists");
            return;
        }

        await WriteAsync(context, 201, secret);
    }

    private Task ListSecretsAsync(HttpContext context, string ns)
    {
        Count("list secrets");
        var selector = LabelSelector.Parse(context.Request.Query["labelSelector"]);
        var list = new V1SecretList
        {
            ApiVersion = "v1",
            Kind = "SecretList",
            Metadata = new V1ListMeta { ResourceVersion = Volatile.Read(ref secretVersion).ToString(CultureInfo.InvariantCulture) },
            Items = [.. Secrets.Values.Where(s => s.Metadata.NamespaceProperty == ns && selector(s.Metadata))],
        };
        return WriteAsync(context, 200, list);
    }

    private async Task PatchSecretAsync(HttpContext context, string ns, string name)
    {
        Count("patch secret");
        if (!(context.Request.ContentType ?? "").StartsWith("application/merge-patch+json", StringComparison.Ordinal))
        {
            await WriteStatusAsync(context, 415, "UnsupportedMediaType", $"expected application/merge-patch+json, got {context.Request.ContentType}");
            return;
        }

        var patch = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        if (!Secrets.TryGetValue((ns, name), out var secret))
        {
            await NotFoundAsync(context, "secrets", name);
            return;
        }

        var json = JsonNode.Parse(KubernetesJson.Serialize(secret))!.AsObject();
        JsonMergePatch.Apply(json, patch as JsonObject ?? []);
        var patched = KubernetesJson.Deserialize<V1Secret>(json.ToJsonString());
        patched.Metadata.ResourceVersion = Interlocked.Increment(ref secretVersion).ToString(CultureInfo.InvariantCulture);
        Secrets[(ns, name)] = patched;
        await WriteAsync(context, 200, patched);
    }

    private async Task DeleteSecretAsync(HttpContext context, string ns, string name)
    {
        Count("delete secret");
        V1DeleteOptions? options = null;
        if (context.Request.ContentLength is > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            options = KubernetesJson.Deserialize<V1DeleteOptions>(await ReadBodyAsync(context));
        }

        if (!Secrets.TryGetValue((ns, name), out var secret))
        {
            await NotFoundAsync(context, "secrets", name);
            return;
        }

        if (options?.Preconditions?.Uid is { } uid && uid != secret.Metadata.Uid)
        {
            await WriteStatusAsync(context, 409, "Conflict", $"Precondition failed: UID in precondition: {uid}, UID in object meta: {secret.Metadata.Uid}");
            return;
        }

        Secrets.TryRemove((ns, name), out _);
        var status = new JsonObject { ["kind"] = "Status", ["apiVersion"] = "v1", ["metadata"] = new JsonObject(), ["status"] = "Success", ["details"] = new JsonObject { ["name"] = name, ["kind"] = "secrets", ["uid"] = secret.Metadata.Uid } };
        await WriteJsonAsync(context, 200, status.ToJsonString());
    }

    /// <summary>The garbage collector: a removed pod takes the secrets it owns with it.</summary>
    private void CollectSecretsOwnedBy(string ns, string podUid)
    {
        foreach (var ((secretNs, name), secret) in Secrets)
        {
            if (secretNs == ns && secret.Metadata.OwnerReferences?.Any(o => o.Kind == "Pod" && o.Uid == podUid) == true)
            {
                Secrets.TryRemove((secretNs, name), out _);
                Count("secret collected with its pod");
            }
        }
    }
}
