using System.Buffers;
using System.Text;
using ManageIQ.OpenScap.ManageIq.Emulator.Rendering;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Http;

/// <summary>
/// Writes a large collection answer as compact JSON, byte for byte what Newtonsoft's writer gives, but copying
/// cached members' UTF-8 as they are instead of re-encoding a token tree. The length is sent up front, as
/// Puma does for a rendered Rails body, so a client can size its buffer once.
/// </summary>
internal static class ListingBody
{
    private const int FlushThreshold = 64 * 1024;
    private static readonly byte[] Comma = [(byte)','];
    private static readonly byte[] OpenArray = [(byte)'['];
    private static readonly byte[] CloseArray = [(byte)']'];
    private static readonly byte[] CloseObject = [(byte)'}'];

    public static async Task WriteAsync(HttpResponse response, JObject listing, CancellationToken cancellationToken)
    {
        var parts = Parts(listing);
        response.ContentLength = parts.Sum(p => (long)p.Length);
        var body = response.BodyWriter;
        var unflushed = 0;
        foreach (var part in parts)
        {
            body.Write(part);
            unflushed += part.Length;
            if (unflushed >= FlushThreshold)
            {
                unflushed = 0;
                if ((await body.FlushAsync(cancellationToken)).IsCompleted)
                {
                    return; // the client went away
                }
            }
        }

        await body.FlushAsync(cancellationToken);
    }

    private static List<byte[]> Parts(JObject listing)
    {
        var parts = new List<byte[]>();
        var separator = "{";
        foreach (var property in listing.Properties())
        {
            var name = separator + JsonConvert.ToString(property.Name) + ":";
            separator = ",";
            if (property.Value is not JArray array)
            {
                parts.Add(Encoding.UTF8.GetBytes(name + property.Value.ToString(Formatting.None)));
                continue;
            }

            parts.Add(Encoding.UTF8.GetBytes(name));
            parts.Add(OpenArray);
            for (var i = 0; i < array.Count; i++)
            {
                if (i > 0)
                {
                    parts.Add(Comma);
                }

                parts.Add(array[i] is RenderedRow row ? row.Rendered.Utf8 : Encoding.UTF8.GetBytes(array[i].ToString(Formatting.None)));
            }

            parts.Add(CloseArray);
        }

        parts.Add(separator == "{" ? "{}"u8.ToArray() : CloseObject);
        return parts;
    }
}
