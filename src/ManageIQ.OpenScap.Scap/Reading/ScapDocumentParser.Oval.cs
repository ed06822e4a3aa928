namespace ManageIQ.OpenScap.Scap.Reading;

/// <summary>OVAL results: definition metadata (class, title, CVE references, advisory severity) and definition results.</summary>
internal sealed partial class ScapDocumentParser
{
    private void ReadOvalResults()
    {
        var depth = _reader.Depth;
        if (!Enter())
        {
            return;
        }

        while (NextChild(depth))
        {
            var ns = _reader.NamespaceURI;
            var name = _reader.LocalName;
            if (Is(ns, _names.OvalDefinitions5) && Is(name, _names.OvalDefinitions))
            {
                ReadOvalDefinitions();
            }
            else if (Is(ns, _names.OvalResults5) && Is(name, _names.Results) && _summary.Kind == ScapResultKind.Oval)
            {
                ReadOvalSystems();
            }
            else
            {
                // In an ARF the rule-results already carry the XCCDF outcome; OVAL results and system
                // characteristics are not needed.
                Skip();
            }
        }
    }

    private void ReadOvalDefinitions()
    {
        var depth = _reader.Depth;
        if (!Enter())
        {
            return;
        }

        while (NextChild(depth))
        {
            if (Is(_reader.NamespaceURI, _names.OvalDefinitions5) && Is(_reader.LocalName, _names.Definitions))
            {
                ForEachChild(_names.OvalDefinitions5, _names.Definition, ReadOvalDefinition);
            }
            else
            {
                Skip();
            }
        }
    }

    private void ReadOvalDefinition()
    {
        var id = RequiredAttribute("id");
        if (!_summary.WantsDefinition(id))
        {
            Skip();
            return;
        }

        var definitionClass = Attribute("class");
        string? title = null;
        ScapSeverity? severity = null;
        var cves = new List<string>();
        var depth = _reader.Depth;
        if (Enter())
        {
            while (NextChild(depth))
            {
                if (Is(_reader.NamespaceURI, _names.OvalDefinitions5) && Is(_reader.LocalName, _names.Metadata))
                {
                    ReadMetadata(ref title, ref severity, cves);
                }
                else
                {
                    Skip();
                }
            }
        }

        _summary.AddDefinition(id, new OvalDefinitionInfo(definitionClass, title, cves, severity));
    }

    /// <summary>
    /// Metadata is open content (xsd:any) that feeds extend: match the elements by local name. CVE ids come from
    /// <c>reference[@source='CVE']/@ref_id</c> and from <c>advisory/cve</c>.
    /// </summary>
    private void ReadMetadata(ref string? title, ref ScapSeverity? severity, List<string> cves)
    {
        var depth = _reader.Depth;
        if (!Enter())
        {
            return;
        }

        while (NextChild(depth))
        {
            var name = _reader.LocalName;
            if (Is(name, _names.Title) && title is null)
            {
                title = ReadText();
            }
            else if (Is(name, _names.Reference))
            {
                if (string.Equals(Attribute("source"), "CVE", StringComparison.OrdinalIgnoreCase) && Attribute("ref_id") is { Length: > 0 } cve)
                {
                    AddDistinct(cves, cve.Trim());
                }

                Skip();
            }
            else if (Is(name, _names.Advisory))
            {
                ReadAdvisory(ref severity, cves);
            }
            else
            {
                Skip();
            }
        }
    }

    private void ReadAdvisory(ref ScapSeverity? severity, List<string> cves)
    {
        var depth = _reader.Depth;
        if (!Enter())
        {
            return;
        }

        while (NextChild(depth))
        {
            var name = _reader.LocalName;
            if (Is(name, _names.Severity))
            {
                severity ??= Severities.ParseAdvisory(ReadText());
            }
            else if (Is(name, _names.Cve))
            {
                var cve = ReadText();
                if (cve.Length > 0)
                {
                    AddDistinct(cves, cve);
                }
            }
            else
            {
                Skip();
            }
        }
    }

    private void ReadOvalSystems() =>
        ForEachChild(_names.OvalResults5, _names.System, () =>
        {
            _summary.OvalSystems++;
            ForEachChild(_names.OvalResults5, _names.Definitions, () =>
                ForEachChild(_names.OvalResults5, _names.Definition, ReadOvalDefinitionResult));
        });

    private void ReadOvalDefinitionResult()
    {
        var id = RequiredAttribute("definition_id");
        var ovalResult = RequiredAttribute("result");
        var definitionClass = _summary.FindDefinition(id)?.Class;
        if (!OvalResultMapping.TryMap(ovalResult, definitionClass, out var mapped))
        {
            throw Fail($"'{Limit(ovalResult)}' is not an OVAL result value (true, false, unknown, error, not evaluated, not applicable)");
        }

        if (mapped == XccdfResult.Fail && _summary.Failures >= _maxFailed)
        {
            throw Fail($"more than {_maxFailed} failed results (MaxFailedResults)");
        }

        _summary.AddOvalResult(id, ovalResult, mapped, definitionClass);
        Skip();
    }

    /// <summary>Consumes the element at the reader, handing each child named <paramref name="name"/> to <paramref name="read"/>.</summary>
    private void ForEachChild(string ns, string name, Action read)
    {
        var depth = _reader.Depth;
        if (!Enter())
        {
            return;
        }

        while (NextChild(depth))
        {
            if (Is(_reader.NamespaceURI, ns) && Is(_reader.LocalName, name))
            {
                read();
            }
            else
            {
                Skip();
            }
        }
    }

    private static void AddDistinct(List<string> list, string value)
    {
        if (!list.Contains(value, StringComparer.Ordinal))
        {
            list.Add(value);
        }
    }
}
