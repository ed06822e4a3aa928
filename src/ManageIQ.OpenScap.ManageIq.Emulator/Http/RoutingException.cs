namespace ManageIQ.OpenScap.ManageIq.Emulator.Http;

/// <summary>No route: answered with Rails' HTML 404 page, not the JSON envelope (fact 8).</summary>
public sealed class RoutingException : Exception
{
    public RoutingException()
        : base("No route matches the request.")
    {
    }

    public RoutingException(string message)
        : base(message)
    {
    }

    public RoutingException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
