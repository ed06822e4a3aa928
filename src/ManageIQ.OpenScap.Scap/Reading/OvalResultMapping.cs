namespace ManageIQ.OpenScap.Scap.Reading;

/// <summary>OVAL definition results as OpenSCAP's OVAL engine reports them to XCCDF (<c>src/OVAL/oval_agent.c</c>).</summary>
internal static class OvalResultMapping
{
    /// <summary>Maps a raw OVAL result; false when the word is not an OVAL result value.</summary>
    public static bool TryMap(string ovalResult, string? definitionClass, out XccdfResult result)
    {
        // vulnerability and patch definitions are true when the system is affected, so true is a failure.
        var inverted = definitionClass is "vulnerability" or "patch";
        switch (ovalResult)
        {
            case "true":
                result = inverted ? XccdfResult.Fail : XccdfResult.Pass;
                return true;
            case "false":
                result = inverted ? XccdfResult.Pass : XccdfResult.Fail;
                return true;
            case "unknown":
                result = XccdfResult.Unknown;
                return true;
            case "error":
                result = XccdfResult.Error;
                return true;
            case "not evaluated":
                result = XccdfResult.NotChecked;
                return true;
            case "not applicable":
                result = XccdfResult.NotApplicable;
                return true;
            default:
                result = default;
                return false;
        }
    }
}
