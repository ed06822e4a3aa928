using System.Text;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Rendering;

/// <summary>
/// A member already rendered to compact JSON, kept also as UTF-8 so that an unchanged row is copied to the
/// socket as it is, with no token tree or re-encoding per request.
/// </summary>
internal sealed class RenderedJson
{
    public RenderedJson(string text)
    {
        Text = text;
        Utf8 = Encoding.UTF8.GetBytes(text);
    }

    public string Text { get; }

    public byte[] Utf8 { get; }
}
