namespace ManageIQ.OpenScap.Scap.Reading;

/// <summary>XCCDF: the Benchmark (rule titles and severities, profile titles) and the TestResult.</summary>
internal sealed partial class ScapDocumentParser
{
    private void ReadBenchmark()
    {
        var id = Attribute("id");
        string? version = null;
        var depth = _reader.Depth;
        if (Enter())
        {
            while (NextChild(depth))
            {
                if (!_names.IsXccdf(_reader.NamespaceURI))
                {
                    Skip();
                    continue;
                }

                var name = _reader.LocalName;
                if (Is(name, _names.Version))
                {
                    version = ReadText();
                }
                else if (Is(name, _names.Profile))
                {
                    ReadProfile();
                }
                else if (Is(name, _names.Group))
                {
                    ReadGroup();
                }
                else if (Is(name, _names.Rule))
                {
                    ReadRule();
                }
                else if (Is(name, _names.TestResult))
                {
                    _summary.BenchmarkId ??= id;
                    ReadTestResult();
                }
                else
                {
                    Skip();
                }
            }
        }

        _summary.AddBenchmark(id, version);
    }

    private void ReadProfile()
    {
        var id = RequiredAttribute("id");
        _summary.AddProfile(id, ReadFirstTitle());
    }

    private void ReadGroup()
    {
        var depth = _reader.Depth;
        if (!Enter())
        {
            return;
        }

        while (NextChild(depth))
        {
            if (_names.IsXccdf(_reader.NamespaceURI) && Is(_reader.LocalName, _names.Group))
            {
                ReadGroup();
            }
            else if (_names.IsXccdf(_reader.NamespaceURI) && Is(_reader.LocalName, _names.Rule))
            {
                ReadRule();
            }
            else
            {
                Skip();
            }
        }
    }

    private void ReadRule()
    {
        var id = RequiredAttribute("id");
        var severity = Severities.ParseXccdf(Attribute("severity"));
        string? title = null;
        string? description = null;
        string? rationale = null;
        string? fixText = null;
        var depth = _reader.Depth;
        if (Enter())
        {
            while (NextChild(depth))
            {
                var xccdf = _names.IsXccdf(_reader.NamespaceURI);
                var name = _reader.LocalName;
                if (xccdf && title is null && Is(name, _names.Title))
                {
                    title = ReadText();
                }
                else if (xccdf && description is null && Is(name, _names.Description))
                {
                    description = _prose.Read(_reader, _maxText);
                }
                else if (xccdf && rationale is null && Is(name, _names.Rationale))
                {
                    rationale = ReadRuleText();
                }
                else if (xccdf && fixText is null && Is(name, _names.FixText))
                {
                    fixText = ReadRuleText();
                }
                else
                {
                    Skip();
                }
            }
        }

        _summary.AddRule(id, new RuleInfo(title, description, rationale, fixText, severity));
    }

    /// <summary>
    /// A rationale or fixtext, cut to MaxRuleTextLength and charged to MaxRuleTextCharacters; null (and skipped)
    /// once the budget is spent. Every Rule's are kept: which ones fail is known only after the benchmark.
    /// </summary>
    private string? ReadRuleText()
    {
        var keep = Math.Min(_maxRuleText, _ruleTextBudget);
        if (keep <= 0)
        {
            Skip();
            return null;
        }

        var text = _prose.Read(_reader, keep);
        _ruleTextBudget = Math.Max(0, _ruleTextBudget - text.Length);
        return text;
    }

    /// <summary>Consumes the element at the reader and returns its first XCCDF title child.</summary>
    private string? ReadFirstTitle()
    {
        string? title = null;
        var depth = _reader.Depth;
        if (!Enter())
        {
            return null;
        }

        while (NextChild(depth))
        {
            if (title is null && _names.IsXccdf(_reader.NamespaceURI) && Is(_reader.LocalName, _names.Title))
            {
                title = ReadText();
            }
            else
            {
                Skip();
            }
        }

        return title;
    }

    private void ReadTestResult()
    {
        if (++_summary.TestResults > 1)
        {
            throw Fail("the document holds more than one TestResult; summarise one evaluation at a time");
        }

        _summary.TestResultId = Attribute("id");
        _summary.StartTime = ParseTime(Attribute("start-time"), "start-time");
        _summary.EndTime = ParseTime(Attribute("end-time"), "end-time");
        var depth = _reader.Depth;
        if (Enter())
        {
            while (NextChild(depth))
            {
                if (_names.IsXccdf(_reader.NamespaceURI))
                {
                    ReadTestResultChild(_reader.LocalName);
                }
                else
                {
                    Skip();
                }
            }
        }

        _summary.TestResultEnded();
    }

    private void ReadTestResultChild(string name)
    {
        if (Is(name, _names.RuleResult))
        {
            ReadRuleResult();
        }
        else if (Is(name, _names.BenchmarkRef))
        {
            _summary.BenchmarkId = Attribute("id") ?? _summary.BenchmarkId;
            Skip();
        }
        else if (Is(name, _names.ProfileRef))
        {
            _summary.ProfileId = Attribute("idref");
            Skip();
        }
        else if (Is(name, _names.Target) && _summary.Target is null)
        {
            _summary.Target = ReadText();
        }
        else if (Is(name, _names.TargetFacts))
        {
            ReadTargetFacts();
        }
        else if (Is(name, _names.Score))
        {
            var system = Attribute("system") ?? "urn:xccdf:scoring:default";
            var maximumText = Attribute("maximum");
            var maximum = maximumText is null ? (double?)null : ParseNumber(maximumText, "score maximum");
            _summary.AddScore(new ScapScore(system, maximum, ParseNumber(ReadText(), "score")));
        }
        else
        {
            Skip();
        }
    }

    private void ReadTargetFacts()
    {
        var depth = _reader.Depth;
        if (!Enter())
        {
            return;
        }

        while (NextChild(depth))
        {
            if (_names.IsXccdf(_reader.NamespaceURI) && Is(_reader.LocalName, _names.Fact))
            {
                var name = RequiredAttribute("name");
                var type = Attribute("type");
                _summary.AddFact(new ScapTargetFact(name, type, ReadText()));
            }
            else
            {
                Skip();
            }
        }
    }

    /// <summary>The hot path: one call per rule-result. Only failed ones keep idents and the check name.</summary>
    private void ReadRuleResult()
    {
        var line = _lineInfo.LineNumber;
        var position = _lineInfo.LinePosition;
        var idRef = RequiredAttribute("idref");
        var severity = Attribute("severity");
        var weight = Attribute("weight");
        XccdfResult? result = null;
        List<ScapIdent>? idents = null;
        string? check = null;
        var depth = _reader.Depth;
        if (Enter())
        {
            while (NextChild(depth))
            {
                var name = _reader.LocalName;
                if (!_names.IsXccdf(_reader.NamespaceURI))
                {
                    Skip();
                }
                else if (Is(name, _names.Result))
                {
                    var (resultLine, resultPosition) = (_lineInfo.LineNumber, _lineInfo.LinePosition);
                    result = ParseResult(ReadText(), result, resultLine, resultPosition);
                }
                else if (result != XccdfResult.Fail)
                {
                    Skip();
                }
                else if (Is(name, _names.Ident))
                {
                    var system = Attribute("system") ?? string.Empty;
                    (idents ??= []).Add(new ScapIdent(system, ReadText()));
                }
                else if (Is(name, _names.Check) || Is(name, _names.ComplexCheck))
                {
                    var named = ReadCheckName();
                    check ??= named;
                }
                else
                {
                    Skip();
                }
            }
        }

        if (result is not { } value)
        {
            throw new ScapFormatException(_source, line, position, $"rule-result '{Limit(idRef)}' has no result element");
        }

        _summary.CountRuleResult(value);
        if (value == XccdfResult.Fail)
        {
            if (_summary.Failures >= _maxFailed)
            {
                throw new ScapFormatException(_source, line, position, $"more than {_maxFailed} failed results (MaxFailedResults)");
            }

            var parsedWeight = weight is null ? (double?)null : ParseNumber(weight, "rule-result weight");
            _summary.AddFailure(new FailedRuleResult(idRef, severity, parsedWeight, idents ?? [], check));
        }
    }

    private XccdfResult ParseResult(string text, XccdfResult? earlier, int line, int position)
    {
        if (earlier is not null)
        {
            throw FailAt(line, position, "a rule-result holds more than one result element");
        }

        return XccdfResults.TryParse(text, out var result)
            ? result
            : throw FailAt(line, position, $"'{Limit(text)}' is not an XCCDF result value (pass, fail, error, unknown, notapplicable, notchecked, notselected, informational, fixed)");
    }

    /// <summary>Consumes a check or complex-check and returns the first check-content-ref name in it.</summary>
    private string? ReadCheckName()
    {
        string? found = null;
        var depth = _reader.Depth;
        if (!Enter())
        {
            return null;
        }

        while (NextChild(depth))
        {
            var xccdf = _names.IsXccdf(_reader.NamespaceURI);
            var name = _reader.LocalName;
            if (xccdf && Is(name, _names.CheckContentRef))
            {
                found ??= Attribute("name");
                Skip();
            }
            else if (xccdf && (Is(name, _names.Check) || Is(name, _names.ComplexCheck)))
            {
                var nested = ReadCheckName();
                found ??= nested;
            }
            else
            {
                Skip();
            }
        }

        return found;
    }
}
