using System.Globalization;

namespace ManageIQ.OpenScap.Scanner.Oscap;

/// <summary>
/// Reads the effective capabilities of this process (<c>CapEff</c> of <c>/proc/self/status</c>). Root in a user
/// namespace (Kubernetes <c>hostUsers: false</c>) holds CAP_SYS_CHROOT there; a non-root user never has it effective,
/// whatever the pod adds (kubernetes/kubernetes#56374). oscap inherits this process's capabilities.
/// </summary>
internal sealed class ProcessChrootCapability : IChrootCapability
{
    private const int SysChroot = 18;
    private const string StatusPath = "/proc/self/status";

    public bool CanChroot(out string reason)
    {
        string? line;
        try
        {
            line = File.ReadLines(StatusPath).FirstOrDefault(l => l.StartsWith("CapEff:", StringComparison.Ordinal));
        }
        catch (IOException e)
        {
            reason = $"cannot read its capabilities from {StatusPath}: {e.Message}";
            return false;
        }

        if (line is null || !ulong.TryParse(line["CapEff:".Length..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var effective))
        {
            reason = $"cannot read its capabilities from {StatusPath}";
            return false;
        }

        if ((effective & (1UL << SysChroot)) != 0)
        {
            reason = string.Empty;
            return true;
        }

        reason = Environment.IsPrivilegedProcess
            ? "runs as root without CAP_SYS_CHROOT"
            : $"runs as user {Environment.UserName} without CAP_SYS_CHROOT (a non-root user never has it effective)";
        return false;
    }
}
