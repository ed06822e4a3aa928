namespace ManageIQ.OpenScap.Contracts.Inspector;

/// <summary>image-inspector's <c>OpenSCAP.Status</c> values, plus <c>Running</c>.</summary>
public static class OpenScapStatus
{
    public const string NotRequested = "NotRequested";
    public const string Running = "Running";
    public const string Success = "Success";
    public const string Error = "Error";
}
