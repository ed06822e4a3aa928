using System.Text;

namespace ManageIQ.OpenScap.Scap.Reading;

/// <summary>
/// Builds the plain-text form of XCCDF prose (description, rationale, fixtext): runs of white space become one
/// space, as a browser shows them; line breaks come only from XHTML structure (<c>br</c>, paragraphs, list items,
/// <c>pre</c>, whose text is kept as written). Text past <c>keep</c> characters is dropped and the result ends
/// in an ellipsis.
/// </summary>
internal sealed class ProseText
{
    public const char Ellipsis = '\u2026';

    private readonly StringBuilder _text = new();
    private int _keep;
    private bool _space;
    private int _breaks;
    private bool _bullet;

    public bool IsCut { get; private set; }

    public void Start(int keep)
    {
        _text.Clear();
        _keep = keep;
        _space = false;
        _breaks = 0;
        _bullet = false;
        IsCut = false;
    }

    /// <summary>Text outside <c>pre</c>: white space collapses.</summary>
    public void Append(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                _space = true;
            }
            else
            {
                Put(c);
            }
        }
    }

    /// <summary>Text inside <c>pre</c>: kept as written, line ends included.</summary>
    public void AppendVerbatim(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c == '\n')
            {
                LineBreak();
            }
            else if (c != '\r' && (_text.Length > 0 || !char.IsWhiteSpace(c)))
            {
                Put(c);
            }
        }
    }

    /// <summary>A <c>br</c>: each one adds a line end, at most one blank line in a row.</summary>
    public void LineBreak() => _breaks = Math.Min(_breaks + 1, 2);

    /// <summary>The edge of a paragraph-like block: a blank line.</summary>
    public void ParagraphBreak() => _breaks = 2;

    /// <summary>A list item starts: a line end and a bullet.</summary>
    public void ListItem()
    {
        _breaks = Math.Max(_breaks, 1);
        _bullet = true;
    }

    public string Build()
    {
        var end = _text.Length;
        while (end > 0 && char.IsWhiteSpace(_text[end - 1]))
        {
            end--;
        }

        _text.Length = end;
        if (IsCut)
        {
            _text.Append(Ellipsis);
        }

        return _text.ToString();
    }

    private void Put(char c)
    {
        Flush();
        Add(c);
    }

    private void Flush()
    {
        if (_text.Length > 0)
        {
            if (_breaks > 0)
            {
                TrimTrailingSpaces();
                for (var i = 0; i < _breaks; i++)
                {
                    Add('\n');
                }
            }
            else if (_space)
            {
                Add(' ');
            }
        }

        if (_bullet)
        {
            Add('\u2022');
            Add(' ');
        }

        _space = false;
        _breaks = 0;
        _bullet = false;
    }

    private void Add(char c)
    {
        if (_text.Length >= _keep)
        {
            IsCut = true;
            return;
        }

        _text.Append(c);
    }

    private void TrimTrailingSpaces()
    {
        var end = _text.Length;
        while (end > 0 && _text[end - 1] == ' ')
        {
            end--;
        }

        _text.Length = end;
    }
}
