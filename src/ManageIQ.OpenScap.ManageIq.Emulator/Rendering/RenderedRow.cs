using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Rendering;

/// <summary>
/// A cached rendering placed in an answer. A new token per answer: a token already in an array would be
/// cloned into a plain <see cref="JRaw"/> (losing its bytes) and would keep that whole answer alive.
/// </summary>
internal sealed class RenderedRow : JRaw
{
    public RenderedRow(RenderedJson rendered)
        : base(rendered.Text)
    {
        Rendered = rendered;
    }

    public RenderedJson Rendered { get; }
}
