namespace ManageIQ.OpenScap.Service.Benchmarks;

/// <summary>What the emulator process counted: its <c>/api</c> requests and the images that have their results.</summary>
/// <param name="Requests">Every <c>/api</c> request served, authentication included.</param>
/// <param name="RequestsByKind">The requests by method and path (ids as <c>{id}</c>).</param>
/// <param name="ImagesWithResults">Images with an <c>openscap_status</c> attribute.</param>
/// <param name="Statuses">Those images by <c>openscap_status</c> value.</param>
/// <param name="MinAttributes">The fewest <c>openscap_</c> attributes one of those images has.</param>
/// <param name="MaxAttributes">The most.</param>
/// <param name="TimedOut">True when a <c>wait</c> gave up before its count was reached.</param>
internal sealed record EmulatorStats(
    int Requests,
    IReadOnlyDictionary<string, int> RequestsByKind,
    int ImagesWithResults,
    IReadOnlyDictionary<string, int> Statuses,
    int MinAttributes,
    int MaxAttributes,
    bool TimedOut);
