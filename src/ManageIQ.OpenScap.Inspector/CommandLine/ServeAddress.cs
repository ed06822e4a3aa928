using System.Globalization;
using System.Net;

namespace ManageIQ.OpenScap.Inspector.CommandLine;

/// <summary>image-inspector's <c>--serve HOST:PORT</c>; an empty host listens on every interface.</summary>
public sealed record ServeAddress(IPAddress Address, int Port)
{
    /// <exception cref="FormatException">Not HOST:PORT with an IP address (or <c>localhost</c>) and a port 0-65535.</exception>
    public static ServeAddress Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var colon = text.LastIndexOf(':');
        if (colon < 0 || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            throw new FormatException($"--serve '{text}' is not HOST:PORT (e.g. 0.0.0.0:8080).");
        }

        var host = text[..colon].Trim('[', ']');
        var address = host switch
        {
            "" => IPAddress.Any,
            "localhost" => IPAddress.Loopback,
            _ when IPAddress.TryParse(host, out var parsed) => parsed,
            _ => throw new FormatException($"--serve host '{host}' is not an IP address."),
        };
        return new ServeAddress(address, port);
    }

    public override string ToString() => (Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "[" + Address + "]" : Address.ToString()) + ":" + Port;
}
