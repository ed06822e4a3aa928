using System.Net;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Control;

/// <summary>A control request the emulator refuses, naming the body field at fault when there is one.</summary>
internal sealed class ControlException : Exception
{
    public ControlException(HttpStatusCode status, string message, string? field = null)
        : base(message)
    {
        Status = status;
        Field = field;
    }

    public HttpStatusCode Status { get; }

    public string? Field { get; }

    public static ControlException BadField(string field, string message) => new(HttpStatusCode.BadRequest, message, field);
}
