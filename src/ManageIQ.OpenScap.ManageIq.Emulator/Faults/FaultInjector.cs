using System.Net;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Faults;

/// <summary>Queued faults; each rule is used up after it has hit <see cref="FaultRule.Times"/> requests.</summary>
public sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly List<(FaultRule Rule, int Left)> _rules = [];

    public void Add(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        lock (_gate)
        {
            _rules.Add((rule, rule.Times));
        }
    }

    /// <summary>The next <paramref name="times"/> matching requests get an HTML error page with <paramref name="status"/>.</summary>
    public void FailNext(HttpStatusCode status, string? method = null, string? pathPrefix = null, int times = 1) =>
        Add(new FaultRule(FaultKind.Status, method, pathPrefix, times) { Status = status });

    public void DelayNext(TimeSpan delay, string? method = null, string? pathPrefix = null, int times = 1) =>
        Add(new FaultRule(FaultKind.Delay, method, pathPrefix, times) { Delay = delay });

    public void DropNext(string? method = null, string? pathPrefix = null, int times = 1) =>
        Add(new FaultRule(FaultKind.DropConnection, method, pathPrefix, times));

    public void DropAfterHandlingNext(string? method = null, string? pathPrefix = null, int times = 1) =>
        Add(new FaultRule(FaultKind.DropAfterHandling, method, pathPrefix, times));

    public void ExpireTokensBeforeNext(string? method = null, string? pathPrefix = null) =>
        Add(new FaultRule(FaultKind.ExpireTokens, method, pathPrefix));

    /// <summary>The next matching requests are handled, then their answer is held for <paramref name="delay"/>.</summary>
    public void DelayAfterHandlingNext(TimeSpan delay, string? method = null, string? pathPrefix = null, int times = 1) =>
        Add(new FaultRule(FaultKind.DelayAfterHandling, method, pathPrefix, times) { Delay = delay });

    /// <summary>The rules not used up yet, in the order they apply, with how many requests each still hits.</summary>
    public IReadOnlyList<(FaultRule Rule, int Left)> Pending()
    {
        lock (_gate)
        {
            return [.. _rules];
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    /// <summary>Takes the first matching rule of one of <paramref name="kinds"/>, counting it down.</summary>
    internal FaultRule? Take(string method, string path, string query, params FaultKind[] kinds)
    {
        lock (_gate)
        {
            var index = _rules.FindIndex(r => kinds.Contains(r.Rule.Kind) && r.Rule.Matches(method, path, query));
            if (index < 0)
            {
                return null;
            }

            var (rule, left) = _rules[index];
            if (left <= 1)
            {
                _rules.RemoveAt(index);
            }
            else
            {
                _rules[index] = (rule, left - 1);
            }

            return rule;
        }
    }
}
