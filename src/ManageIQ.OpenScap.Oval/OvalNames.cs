namespace ManageIQ.OpenScap.Oval;

/// <summary>The OVAL 5 definitions names the slimmer reads.</summary>
internal static class OvalNames
{
    public const string Definitions = "http://oval.mitre.org/XMLSchema/oval-definitions-5";
    public const string Linux = Definitions + "#linux";
    public const string DigitalSignature = "http://www.w3.org/2000/09/xmldsig#";

    public const string Root = "oval_definitions";
    public const string Generator = "generator";
    public const string DefinitionsSection = "definitions";
    public const string TestsSection = "tests";
    public const string ObjectsSection = "objects";
    public const string StatesSection = "states";
    public const string VariablesSection = "variables";
    public const string Signature = "Signature";

    public const string Definition = "definition";
    public const string Criteria = "criteria";
    public const string Criterion = "criterion";
    public const string ExtendDefinition = "extend_definition";

    public const string DpkgTest = "dpkginfo_test";
    public const string DpkgObject = "dpkginfo_object";
    public const string RpmTest = "rpminfo_test";
    public const string RpmObject = "rpminfo_object";

    /// <summary>Elements whose text is the id of another item (a set's objects, a filter's state).</summary>
    public static bool HoldsReference(string localName) => localName is "object_reference" or "filter";
}
