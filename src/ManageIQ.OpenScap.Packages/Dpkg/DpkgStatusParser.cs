namespace ManageIQ.OpenScap.Packages.Dpkg;

/// <summary>
/// Reads dpkg status paragraphs (deb822: <c>Field: value</c> lines, continuation lines starting with white space,
/// paragraphs separated by blank lines), streaming and within the limits. Anything else is refused as garbage.
/// </summary>
internal static class DpkgStatusParser
{
    /// <summary>The paragraphs of <paramref name="stream"/>, named <paramref name="name"/> in messages.</summary>
    /// <exception cref="PackageInventoryException">A line is over the limit, a line is not a field, or a paragraph has no Package field.</exception>
    public static IEnumerable<DpkgStanza> Parse(Stream stream, string name, PackageInventoryLimits limits, bool keepLines, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16, leaveOpen: true);
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var lines = new List<string>();
        var lineNumber = 0;
        var start = 0;
        var buffer = new System.Text.StringBuilder();
        string? line;
        while ((line = ReadLine(reader, buffer, name, lineNumber + 1, limits.MaxLineLength)) is not null)
        {
            lineNumber++;
            if (line.Length == 0 || line.AsSpan().IsWhiteSpace())
            {
                if (fields.Count > 0)
                {
                    yield return Stanza(fields, lines, name, start);
                    fields.Clear();
                    lines = [];
                }

                cancellationToken.ThrowIfCancellationRequested();
                continue;
            }

            if (line.Contains('\0', StringComparison.Ordinal))
            {
                throw new PackageInventoryException($"{name} line {lineNumber} holds a NUL character: it is not a dpkg status file.");
            }

            if (fields.Count == 0 && lines.Count == 0)
            {
                start = lineNumber;
            }

            if (keepLines)
            {
                lines.Add(line);
            }

            if (line[0] is ' ' or '\t')
            {
                if (fields.Count == 0)
                {
                    throw new PackageInventoryException($"{name} line {lineNumber} continues a field, but no field came before it.");
                }

                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new PackageInventoryException($"{name} line {lineNumber} is not a 'Field: value' line: it is not a dpkg status file.");
            }

            fields.TryAdd(line[..colon], line[(colon + 1)..].Trim());
        }

        if (fields.Count > 0)
        {
            yield return Stanza(fields, lines, name, start);
        }
    }

    private static DpkgStanza Stanza(Dictionary<string, string> fields, List<string> lines, string name, int start)
    {
        var package = fields.GetValueOrDefault("Package");
        if (string.IsNullOrEmpty(package))
        {
            throw new PackageInventoryException($"{name}: the paragraph at line {start} has no Package field.");
        }

        return new DpkgStanza(start, package, fields.GetValueOrDefault("Status"), fields.GetValueOrDefault("Version"), fields.GetValueOrDefault("Architecture"), fields.GetValueOrDefault("Source"), lines);
    }

    /// <summary>ReadLine, but refusing a line longer than <paramref name="max"/> before it is all in memory.</summary>
    private static string? ReadLine(StreamReader reader, System.Text.StringBuilder builder, string name, int lineNumber, int max)
    {
        if (reader.Peek() < 0)
        {
            return null;
        }

        builder.Clear();
        int c;
        while ((c = reader.Read()) >= 0)
        {
            if (c == '\n')
            {
                break;
            }

            if (builder.Length == max)
            {
                throw new PackageInventoryException($"{name} line {lineNumber} is longer than {max} characters ({PackageInventoryLimits.SectionName}:{nameof(PackageInventoryLimits.MaxLineLength)}).");
            }

            builder.Append((char)c);
        }

        if (builder.Length > 0 && builder[^1] == '\r')
        {
            builder.Length--;
        }

        return builder.ToString();
    }
}
