using k8s.Models;

namespace ManageIQ.OpenScap.Kubernetes.FakeApi;

/// <summary>Equality-based label selectors (<c>a=b</c>, <c>a==b</c>, <c>a!=b</c>, <c>a</c>, <c>!a</c>), comma-separated.</summary>
internal static class LabelSelector
{
    public static Func<V1ObjectMeta?, bool> Parse(string? selector)
    {
        if (string.IsNullOrWhiteSpace(selector))
        {
            return _ => true;
        }

        var tests = selector.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Term).ToList();
        return metadata => tests.All(t => t(metadata?.Labels ?? new Dictionary<string, string>()));
    }

    private static Func<IDictionary<string, string>, bool> Term(string term)
    {
        if (term.Contains("!=", StringComparison.Ordinal))
        {
            var (key, value) = Split(term, "!=");
            return labels => !labels.TryGetValue(key, out var v) || v != value;
        }

        if (term.Contains('=', StringComparison.Ordinal))
        {
            var (key, value) = Split(term, term.Contains("==", StringComparison.Ordinal) ? "==" : "=");
            return labels => labels.TryGetValue(key, out var v) && v == value;
        }

        return term.StartsWith('!') ? labels => !labels.ContainsKey(term[1..]) : labels => labels.ContainsKey(term);
    }

    private static (string Key, string Value) Split(string term, string separator)
    {
        var at = term.IndexOf(separator, StringComparison.Ordinal);
        return (term[..at].Trim(), term[(at + separator.Length)..].Trim());
    }
}
