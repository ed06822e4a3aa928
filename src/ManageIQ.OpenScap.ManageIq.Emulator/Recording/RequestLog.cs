using System.Collections.Concurrent;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Recording;

/// <summary>Every request the emulator served, in arrival order.</summary>
public sealed class RequestLog
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    public IReadOnlyList<RecordedRequest> All => [.. _requests];

    public int Count => _requests.Count;

    /// <summary>Requests with this method whose path starts with <paramref name="pathPrefix"/>.</summary>
    public IReadOnlyList<RecordedRequest> Matching(string method, string pathPrefix) =>
        [.. _requests.Where(r => string.Equals(r.Method, method, StringComparison.OrdinalIgnoreCase) && r.Path.StartsWith(pathPrefix, StringComparison.Ordinal))];

    public void Clear() => _requests.Clear();

    internal void Add(RecordedRequest request) => _requests.Enqueue(request);
}
