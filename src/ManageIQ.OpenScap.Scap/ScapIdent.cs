namespace ManageIQ.OpenScap.Scap;

/// <summary>An XCCDF <c>ident</c>: a value (a CVE, CCE or errata id) and the URI of its naming system.</summary>
public sealed record ScapIdent(string System, string Value);
