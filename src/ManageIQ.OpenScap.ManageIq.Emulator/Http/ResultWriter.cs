using System.Net;
using System.Text;
using ManageIQ.OpenScap.ManageIq.Emulator.Rendering;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Http;

/// <summary>Writes an <see cref="ApiResult"/> to the response: cached renderings and large pages as stored UTF-8.</summary>
internal static class ResultWriter
{
    public static async Task WriteAsync(HttpContext http, ApiResult result)
    {
        var response = http.Response;
        response.StatusCode = (int)result.Status;
        if (result.Status == HttpStatusCode.NoContent)
        {
            return;
        }

        response.ContentType = result.ContentType;
        if (result.Json is RenderedRow row)
        {
            response.ContentLength = row.Rendered.Utf8.Length;
            await response.Body.WriteAsync(row.Rendered.Utf8, http.RequestAborted);
            return;
        }

        if (result.Json is not JObject { } listing || listing["resources"] is not JArray { Count: > 100 })
        {
            var text = result.Json?.ToString(Formatting.None) ?? result.Text ?? string.Empty;
            await response.WriteAsync(text, Encoding.UTF8, http.RequestAborted);
            return;
        }

        // Large pages go straight to the socket, cached members as their stored UTF-8, with no string of the page.
        await ListingBody.WriteAsync(response, listing, http.RequestAborted);
    }
}
