namespace ManageIQ.OpenScap.Oval;

/// <summary>What the slimmer can say about a test, criteria or definition before oscap runs.</summary>
public enum OvalTruth
{
    /// <summary>oscap could find it either way (or report error/unknown): it must be evaluated.</summary>
    Unknown,

    /// <summary>oscap's result is certainly <c>false</c>.</summary>
    False,

    /// <summary>oscap's result is certainly <c>true</c>.</summary>
    True,
}
