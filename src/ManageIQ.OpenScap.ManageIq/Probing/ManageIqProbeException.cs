using ManageIQ.OpenScap.ManageIq.Errors;

namespace ManageIQ.OpenScap.ManageIq.Probing;

/// <summary>The bridge may not start against this ManageIQ: <see cref="Result"/> says why, its message in one line.</summary>
public sealed class ManageIqProbeException : ManageIqException
{
    public ManageIqProbeException()
    {
    }

    public ManageIqProbeException(string message)
        : base(message)
    {
    }

    public ManageIqProbeException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public ManageIqProbeException(ManageIqProbeResult result)
        : base(result?.Message ?? throw new ArgumentNullException(nameof(result)))
    {
        Result = result;
    }

    public ManageIqProbeResult? Result { get; }
}
