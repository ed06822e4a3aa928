namespace ManageIQ.OpenScap.ManageIq.Probing;

/// <summary>Who the bridge is in ManageIQ: the entrypoint's <c>identity</c> (the group is the one <c>X-MIQ-Group</c> chose).</summary>
public sealed record ManageIqIdentity(string UserId, string? Name, string? Group, string? Role, string? Tenant)
{
    /// <summary>For one line of text: <c>'bridge' (group 'OpenSCAP', role 'OpenSCAP bridge', tenant 'My Company')</c>.</summary>
    public override string ToString() => $"'{UserId}' (group '{Group}', role '{Role}', tenant '{Tenant}')";
}
