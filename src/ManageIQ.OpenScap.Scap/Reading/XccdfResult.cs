namespace ManageIQ.OpenScap.Scap.Reading;

/// <summary>XCCDF <c>resultEnumType</c>, in the order summaries list them.</summary>
internal enum XccdfResult
{
    Pass,
    Fail,
    Error,
    Unknown,
    NotApplicable,
    NotChecked,
    NotSelected,
    Informational,
    Fixed,
}
