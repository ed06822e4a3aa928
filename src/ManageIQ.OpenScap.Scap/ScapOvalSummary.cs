namespace ManageIQ.OpenScap.Scap;

/// <summary>OVAL definition results of an OVAL results document, counted by their raw OVAL values.</summary>
public sealed record ScapOvalSummary
{
    /// <summary>The number of definition results in <c>results/system/definitions</c>.</summary>
    public int Definitions { get; init; }

    /// <summary>OVAL result value (<c>true</c>, <c>false</c>, <c>unknown</c>, <c>error</c>, <c>not evaluated</c>, <c>not applicable</c>) to count.</summary>
    public IReadOnlyDictionary<string, int> Results { get; init; } = new Dictionary<string, int>();

    /// <summary>Definition class (<c>vulnerability</c>, <c>patch</c>, <c>compliance</c>, <c>inventory</c>, <c>miscellaneous</c>) to count.</summary>
    public IReadOnlyDictionary<string, int> Classes { get; init; } = new Dictionary<string, int>();
}
