using System.Text;
using System.Text.Json;

namespace ManageIQ.OpenScap.Images.Credentials;

/// <summary>
/// Reads registry credentials from Docker config files: <c>config.json</c> (<c>{"auths":{…}}</c>)
/// and the legacy <c>.dockercfg</c> (the map itself), as Kubernetes pull secrets are mounted.
/// Keys may be <c>host</c>, <c>host:port</c>, a URL (<c>https://index.docker.io/v1/</c>), a
/// <c>host/path</c> prefix, or a <c>*.domain</c> wildcard, as kubelet matches them.
/// </summary>
internal static class DockerConfigReader
{
    private static readonly string[] DockerHubAliases = ["docker.io", "index.docker.io", "registry-1.docker.io"];

    /// <summary>The credentials of <paramref name="path"/> that apply to <paramref name="reference"/>, most specific first.</summary>
    public static IReadOnlyList<RegistryCredential> Read(string path, ImageReference reference)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Docker config file '{path}' is not valid JSON (line {ex.LineNumber})", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException($"Docker config file '{path}' is not a JSON object");
            }

            var auths = root.TryGetProperty("auths", out var nested) && nested.ValueKind == JsonValueKind.Object ? nested : root;
            var matches = new List<(int Specificity, RegistryCredential Credential)>();
            foreach (var property in auths.EnumerateObject())
            {
                var specificity = Match(property.Name, reference);
                if (specificity >= 0 && ToCredential(property.Value, path, property.Name) is { } credential)
                {
                    matches.Add((specificity, credential));
                }
            }

            return [.. matches.OrderByDescending(m => m.Specificity).Select(m => m.Credential)];
        }
    }

    /// <summary>-1 when the key does not apply; otherwise larger for more specific keys.</summary>
    internal static int Match(string key, ImageReference reference)
    {
        var text = key.Trim();
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            text = text[(scheme + 3)..];
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var host = (slash < 0 ? text : text[..slash]).ToLowerInvariant();
        var path = slash < 0 ? string.Empty : text[(slash + 1)..].TrimEnd('/');
        if (path is "v1" or "v2")
        {
            path = string.Empty;
        }

        if (!HostMatches(host, reference.Registry.ToLowerInvariant()))
        {
            return -1;
        }

        if (path.Length > 0 && reference.Repository != path && !reference.Repository.StartsWith(path + "/", StringComparison.Ordinal))
        {
            return -1;
        }

        return (host.Contains('*', StringComparison.Ordinal) ? 0 : 1000) + path.Length;
    }

    private static bool HostMatches(string keyHost, string registry)
    {
        if (DockerHubAliases.Contains(registry))
        {
            return DockerHubAliases.Contains(keyHost);
        }

        if (keyHost == registry)
        {
            return true;
        }

        if (!keyHost.Contains('*', StringComparison.Ordinal))
        {
            return false;
        }

        // kubelet: each '*' matches one whole DNS label; the ports must be equal.
        var keyLabels = keyHost.Split('.');
        var labels = registry.Split('.');
        return keyLabels.Length == labels.Length
            && keyLabels.Zip(labels).All(pair => pair.First == "*" || pair.First == pair.Second
                || (pair.First.StartsWith("*:", StringComparison.Ordinal) && pair.Second.EndsWith(pair.First[1..], StringComparison.Ordinal)));
    }

    private static RegistryCredential? ToCredential(JsonElement entry, string path, string key)
    {
        if (entry.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var origin = $"'{key}' in {Path.GetFileName(path)}";
        if (entry.TryGetProperty("auth", out var auth) && auth.ValueKind == JsonValueKind.String && auth.GetString() is { Length: > 0 } encoded)
        {
            string decoded;
            try
            {
                decoded = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
            }
            catch (FormatException ex)
            {
                throw new InvalidDataException($"the 'auth' of {origin} is not base64", ex);
            }

            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new InvalidDataException($"the 'auth' of {origin} is not base64 of user:password");
            }

            return new RegistryCredential(decoded[..colon], decoded[(colon + 1)..], origin);
        }

        var username = entry.TryGetProperty("username", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
        var password = entry.TryGetProperty("password", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
        return string.IsNullOrEmpty(username) || password is null ? null : new RegistryCredential(username, password, origin);
    }
}
