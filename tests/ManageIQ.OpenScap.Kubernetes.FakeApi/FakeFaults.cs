namespace ManageIQ.OpenScap.Kubernetes.FakeApi;

/// <summary>Failures a test asks the fake API server to produce.</summary>
public sealed class FakeFaults
{
    private readonly Lock gate = new();
    private readonly List<InjectedFailure> failures = [];
    private readonly List<InjectedFailure> stalls = [];
    private readonly HashSet<string> cutOff = new(StringComparer.Ordinal);
    private int deleteFailures;
    private int watchExpiries;
    private int leaseRaces;

    /// <summary>What each new pod does; by default it becomes ready.</summary>
    public Func<k8s.Models.V1Pod, PodBehavior> BehaviorFor { get; set; } = _ => PodBehavior.BecomesReady;

    /// <summary>Each watch stream is cut (connection aborted) after sending this many events; 0 = never.</summary>
    public int DisconnectWatchesAfterEvents { get; set; }

    /// <summary>A delete first marks the pod terminating and removes it only after this long.</summary>
    public TimeSpan SlowDeletes { get; set; }

    /// <summary>Every delete answers 500 while true.</summary>
    public bool FailAllDeletes { get; set; }

    /// <summary>
    /// Every later request carrying this bearer token answers 503, as if its client had died: nothing it sends takes
    /// effect any more (no renewal, no release, no delete), while other clients go on.
    /// </summary>
    public void CutOff(string bearer)
    {
        lock (gate)
        {
            cutOff.Add(bearer);
        }
    }

    internal bool IsCutOff(string? bearer)
    {
        if (bearer is null)
        {
            return false;
        }

        lock (gate)
        {
            return cutOff.Contains(bearer);
        }
    }

    /// <summary>The next <paramref name="count"/> deletes answer 500.</summary>
    public void FailNextDeletes(int count)
    {
        lock (gate)
        {
            deleteFailures += count;
        }
    }

    /// <summary>The next <paramref name="count"/> requests whose method matches and whose path contains <paramref name="pathPart"/> answer <paramref name="status"/>.</summary>
    public void FailNext(string method, string pathPart, int status, int count = 1)
    {
        lock (gate)
        {
            failures.Add(new InjectedFailure(method, pathPart, status, count));
        }
    }

    /// <summary>Forgets the failures and stalls still to come (requests already stalled stay stalled).</summary>
    public void ClearFailures()
    {
        lock (gate)
        {
            failures.Clear();
            stalls.Clear();
        }
    }

    /// <summary>
    /// Every watch answers 200, sends only an ERROR event (500, as an overloaded API server does) and ends: the stream
    /// closes without a single pod event. (An empty body is no watch stream at all: the client throws on it.)
    /// </summary>
    public bool CloseWatchesWithoutEvents { get; set; }

    /// <summary>
    /// The next <paramref name="count"/> requests whose method matches and whose path and query contain
    /// <paramref name="pathPart"/> hang, as over a half-open connection, until the client gives up: before any answer,
    /// or (<paramref name="afterHeaders"/>) after the status line, the headers and the first bytes of the body.
    /// </summary>
    public void StallNext(string method, string pathPart, bool afterHeaders, int count = 1)
    {
        lock (gate)
        {
            stalls.Add(new InjectedFailure(method, pathPart, afterHeaders ? 1 : 0, count));
        }
    }

    /// <summary>The next <paramref name="count"/> watches from a resourceVersion get 410 Gone, as after an etcd compaction.</summary>
    public void ExpireNextWatches(int count)
    {
        lock (gate)
        {
            watchExpiries += count;
        }
    }

    /// <summary>
    /// The next <paramref name="count"/> Lease replaces meet another writer: the stored Lease gets a new
    /// resourceVersion just before the write is checked, so the write answers 409 Conflict.
    /// </summary>
    public void RaceNextLeaseReplaces(int count = 1)
    {
        lock (gate)
        {
            leaseRaces += count;
        }
    }

    internal bool TakeLeaseRace()
    {
        lock (gate)
        {
            if (leaseRaces <= 0)
            {
                return false;
            }

            leaseRaces--;
            return true;
        }
    }

    internal bool TakeWatchExpiry()
    {
        lock (gate)
        {
            if (watchExpiries <= 0)
            {
                return false;
            }

            watchExpiries--;
            return true;
        }
    }

    internal bool TakeDeleteFailure()
    {
        lock (gate)
        {
            if (FailAllDeletes)
            {
                return true;
            }

            if (deleteFailures <= 0)
            {
                return false;
            }

            deleteFailures--;
            return true;
        }
    }

    /// <summary>Null when the request goes ahead; true to stall after the headers, false before them.</summary>
    internal bool? TakeStall(string method, string pathAndQuery) => Take(stalls, method, pathAndQuery) is { } point ? point == 1 : null;

    internal int? TakeFailure(string method, string path) => Take(failures, method, path);

    private int? Take(List<InjectedFailure> list, string method, string path)
    {
        lock (gate)
        {
            var match = list.FirstOrDefault(f => f.Remaining > 0
                && string.Equals(f.Method, method, StringComparison.OrdinalIgnoreCase)
                && path.Contains(f.PathPart, StringComparison.Ordinal));
            if (match is null)
            {
                return null;
            }

            match.Remaining--;
            return match.Value;
        }
    }

    private sealed class InjectedFailure(string method, string pathPart, int value, int count)
    {
        public string Method { get; } = method;

        public string PathPart { get; } = pathPart;

        /// <summary>The status to answer; for a stall, 1 when it comes after the headers.</summary>
        public int Value { get; } = value;

        public int Remaining { get; set; } = count;
    }
}
