namespace ManageIQ.OpenScap.Publishing;

/// <summary>The wire values of <see cref="OpenScapStatus"/>, which ManageIQ conditions compare as strings.</summary>
public static class OpenScapStatusNames
{
    public const string Compliant = "compliant";
    public const string NonCompliant = "non_compliant";
    public const string Error = "error";

    public static string ToWire(this OpenScapStatus status) => status switch
    {
        OpenScapStatus.Compliant => Compliant,
        OpenScapStatus.NonCompliant => NonCompliant,
        _ => Error,
    };

    public static OpenScapStatus? Parse(string? value) => value switch
    {
        Compliant => OpenScapStatus.Compliant,
        NonCompliant => OpenScapStatus.NonCompliant,
        Error => OpenScapStatus.Error,
        _ => null,
    };
}
