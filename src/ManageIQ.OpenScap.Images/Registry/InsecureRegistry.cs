namespace ManageIQ.OpenScap.Images.Registry;

/// <summary>One <c>--insecure-registry</c> entry, and whether it asked for plain HTTP only (<c>http://host[:port]</c>).</summary>
internal sealed record InsecureRegistry(RegistryAuthority Authority, bool PlainHttpOnly)
{
    public override string ToString() => (PlainHttpOnly ? "http://" : string.Empty) + Authority;
}
