namespace ManageIQ.OpenScap.Contracts.Scanning;

/// <summary>The configuration spellings of <see cref="RpmScanMode"/>.</summary>
public static class RpmScanModeNames
{
    public const string Refuse = "refuse";
    public const string UserNamespace = "user-namespace";
    public const string RootBaseline = "root-baseline";

    public static IReadOnlyList<string> All { get; } = [Refuse, UserNamespace, RootBaseline];

    public static bool TryParse(string? value, out RpmScanMode mode)
    {
        switch (value)
        {
            case null or Refuse:
                mode = RpmScanMode.Refuse;
                return true;
            case UserNamespace:
                mode = RpmScanMode.UserNamespace;
                return true;
            case RootBaseline:
                mode = RpmScanMode.RootBaseline;
                return true;
            default:
                mode = RpmScanMode.Refuse;
                return false;
        }
    }
}
