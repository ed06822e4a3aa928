namespace ManageIQ.OpenScap.Publishing;

/// <summary>The verdict posted as <c>openscap_status</c>.</summary>
public enum OpenScapStatus
{
    Compliant,
    NonCompliant,
    Error,
}
