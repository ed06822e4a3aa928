namespace ManageIQ.OpenScap.Images.Credentials;

/// <summary>A user name and password (or identity token) for one registry. Never printed.</summary>
internal sealed record RegistryCredential(string Username, string Password, string Origin)
{
    /// <summary>Says where the credential came from, never what it is.</summary>
    public override string ToString() => "credentials from " + Origin;
}
