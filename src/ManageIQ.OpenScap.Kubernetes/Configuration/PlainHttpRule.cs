namespace ManageIQ.OpenScap.Kubernetes.Configuration;

/// <summary>
/// Credentials never cross the network in clear text by accident: an <c>http://</c> API address that gets them is
/// refused unless its host is a loopback address or the operator set <c>AllowPlainHttp</c>; either way it is logged.
/// </summary>
internal static class PlainHttpRule
{
    public static void Check(string what, string allowKey, Uri address, bool allowed, List<string> errors, List<string> warnings)
    {
        if (address.Scheme != Uri.UriSchemeHttp)
        {
            return;
        }

        var shown = address.GetLeftPart(UriPartial.Authority);
        if (address.IsLoopback || allowed)
        {
            var why = address.IsLoopback ? "a loopback address" : $"allowed by {allowKey}";
            warnings.Add($"{what} {shown} is plain HTTP ({why}): the credentials are sent in clear text.");
            return;
        }

        var refusal = $"{what} {shown} is plain HTTP: the credentials would cross the network in clear text. Use https, or set {allowKey} to true to accept it.";
        warnings.Add(refusal);
        errors.Add(refusal);
    }
}
