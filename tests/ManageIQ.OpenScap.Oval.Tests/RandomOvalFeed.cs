using System.Globalization;
using System.Xml;
using ManageIQ.OpenScap.Testing;

namespace ManageIQ.OpenScap.Oval.Tests;

/// <summary>
/// A random OVAL feed over a known inventory, and a reference evaluator for it: random criteria trees (AND, OR, ONE,
/// XOR, negate, nesting, extend_definition) over dpkginfo tests on present and missing packages with every
/// check_existence, with and without states, and textfilecontent54 tests on <c>/etc/debian_version</c>.
/// </summary>
internal sealed class RandomOvalFeed
{
    public const string Prefix = "oval:org.manageiq.openscap.random";
    private const string Oval = OvalFeedWriting.Definitions;
    private const string Linux = OvalFeedWriting.Linux;
    private const string Independent = OvalFeedWriting.Independent;
    private static readonly string[] Existences = ["at_least_one_exists", "all_exist", "any_exist", "none_exist", "only_one_exists"];
    private static readonly string[] Operators = ["AND", "AND", "AND", "OR", "OR", "OR", "ONE", "XOR"];

    private readonly List<TestSpec> _tests = [];
    private readonly List<Node> _definitions = [];
    private readonly HashSet<string> _present;

    public RandomOvalFeed(int seed, int definitions, IReadOnlyList<string> present, IReadOnlyList<string> missing)
    {
        _present = present.ToHashSet(StringComparer.Ordinal);
        var random = new Random(seed);
        for (var d = 0; d < definitions; d++)
        {
            _definitions.Add(Tree(random, d, depth: 0, present, missing));
        }
    }

    public int Count => _definitions.Count;

    public static string DefinitionId(int d) => string.Create(CultureInfo.InvariantCulture, $"{Prefix}:def:{d + 1}");

    /// <summary>The value oscap gives the definition when every undecidable test takes its value from <paramref name="free"/>.</summary>
    public bool Evaluate(int definition, Func<int, bool> free) => Value(_definitions[definition], free);

    /// <summary>Whether a test's value depends on nothing the reference knows (a state over no items).</summary>
    public bool IsFree(int test) => _tests[test] is { Text: false } t && !_present.Contains(t.Package) && t.State != 0 && t.Existence is "none_exist" or "any_exist";

    public int TestCount => _tests.Count;

    public static string TestId(int t) => Id("tst", t);

    /// <summary>The reference's value of one test; null when it is free.</summary>
    public bool? TestValue(int t) => IsFree(t) ? null : TestValue(t, _ => throw new InvalidOperationException());

    public string Describe(int t) => _tests[t].ToString();

    public void Write(string path)
    {
        using var writer = XmlWriter.Create(path, new XmlWriterSettings { Indent = true });
        OvalFeedWriting.WriteStart(writer, "ManageIQ.OpenScap random feed");
        writer.WriteStartElement("definitions", Oval);
        for (var d = 0; d < _definitions.Count; d++)
        {
            writer.WriteStartElement("definition", Oval);
            writer.WriteAttributeString("class", "vulnerability");
            writer.WriteAttributeString("id", DefinitionId(d));
            writer.WriteAttributeString("version", "1");
            writer.WriteStartElement("metadata", Oval);
            writer.WriteElementString("title", Oval, "random " + d);
            writer.WriteElementString("description", Oval, "random definition " + d);
            writer.WriteEndElement();
            var root = _definitions[d];
            if (root is Criteria)
            {
                WriteNode(writer, root);
            }
            else
            {
                // A definition's tree is always a criteria element.
                WriteNode(writer, new Criteria("AND", false, [root]));
            }

            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        writer.WriteStartElement("tests", Oval);
        for (var t = 0; t < _tests.Count; t++)
        {
            var test = _tests[t];
            writer.WriteStartElement(test.Text ? "textfilecontent54_test" : "dpkginfo_test", test.Text ? Independent : Linux);
            writer.WriteAttributeString("check", "at least one");
            writer.WriteAttributeString("check_existence", test.Existence);
            writer.WriteAttributeString("comment", test.Package);
            writer.WriteAttributeString("id", Id("tst", t));
            writer.WriteAttributeString("version", "1");
            OvalFeedWriting.Reference(writer, test.Text ? Independent : Linux, "object", "object_ref", Id("obj", t));
            if (test.State != 0)
            {
                OvalFeedWriting.Reference(writer, Linux, "state", "state_ref", Id("ste", t));
            }

            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        writer.WriteStartElement("objects", Oval);
        for (var t = 0; t < _tests.Count; t++)
        {
            var test = _tests[t];
            if (test.Text)
            {
                writer.WriteStartElement("textfilecontent54_object", Independent);
                writer.WriteAttributeString("id", Id("obj", t));
                writer.WriteAttributeString("version", "1");
                writer.WriteElementString("filepath", Independent, "/etc/debian_version");
                writer.WriteStartElement("pattern", Independent);
                writer.WriteAttributeString("operation", "pattern match");
                writer.WriteString(test.Package);
                writer.WriteEndElement();
                writer.WriteStartElement("instance", Independent);
                writer.WriteAttributeString("datatype", "int");
                writer.WriteString("1");
                writer.WriteEndElement();
            }
            else
            {
                writer.WriteStartElement("dpkginfo_object", Linux);
                writer.WriteAttributeString("id", Id("obj", t));
                writer.WriteAttributeString("version", "1");
                writer.WriteElementString("name", Linux, test.Package);
            }

            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        if (_tests.Any(t => t.State != 0))
        {
            writer.WriteStartElement("states", Oval);
            for (var t = 0; t < _tests.Count; t++)
            {
                if (_tests[t].State == 0)
                {
                    continue;
                }

                writer.WriteStartElement("dpkginfo_state", Linux);
                writer.WriteAttributeString("id", Id("ste", t));
                writer.WriteAttributeString("version", "1");
                writer.WriteStartElement("evr", Linux);
                writer.WriteAttributeString("datatype", "debian_evr_string");
                writer.WriteAttributeString("operation", "less than");
                writer.WriteString(_tests[t].State == 1 ? "99:99.0-1" : "0:0.1-1");
                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    private static string Id(string kind, int n) => string.Create(CultureInfo.InvariantCulture, $"{Prefix}:{kind}:{n + 1}");

    private static void WriteNode(XmlWriter writer, Node node)
    {
        switch (node)
        {
            case Criteria c:
                writer.WriteStartElement("criteria", Oval);
                writer.WriteAttributeString("operator", c.Operator);
                Negate(writer, c.Negate);
                foreach (var child in c.Children)
                {
                    WriteNode(writer, child);
                }

                writer.WriteEndElement();
                break;
            case TestLeaf t:
                writer.WriteStartElement("criterion", Oval);
                writer.WriteAttributeString("test_ref", Id("tst", t.Test));
                Negate(writer, t.Negate);
                writer.WriteEndElement();
                break;
            case ExtendLeaf e:
                writer.WriteStartElement("extend_definition", Oval);
                writer.WriteAttributeString("definition_ref", DefinitionId(e.Definition));
                Negate(writer, e.Negate);
                writer.WriteEndElement();
                break;
        }
    }

    private static void Negate(XmlWriter writer, bool negate)
    {
        if (negate)
        {
            writer.WriteAttributeString("negate", "true");
        }
    }

    private Node Tree(Random random, int definition, int depth, IReadOnlyList<string> present, IReadOnlyList<string> missing)
    {
        var negate = random.Next(5) == 0;
        if (depth == 0 || (depth < 4 && random.Next(3) == 0))
        {
            var children = new Node[random.Next(1, 5)];
            for (var i = 0; i < children.Length; i++)
            {
                children[i] = Tree(random, definition, depth + 1, present, missing);
            }

            return new Criteria(Operators[random.Next(Operators.Length)], negate, children);
        }

        if (definition > 0 && random.Next(8) == 0)
        {
            return new ExtendLeaf(random.Next(definition), negate);
        }

        if (_tests.Count > 0 && random.Next(5) == 0)
        {
            return new TestLeaf(random.Next(_tests.Count), negate);
        }

        var kind = random.Next(10);
        _tests.Add(kind == 0
            ? new TestSpec(true, random.Next(2) == 0 ? "^12\\." : "^99\\.", "at_least_one_exists", 0)
            : new TestSpec(false, kind < 4 ? present[random.Next(present.Count)] : missing[random.Next(missing.Count)], Existences[random.Next(Existences.Length)], random.Next(3)));
        return new TestLeaf(_tests.Count - 1, negate);
    }

    private bool Value(Node node, Func<int, bool> free)
    {
        var value = node switch
        {
            Criteria c => Combine(c, free),
            TestLeaf t => TestValue(t.Test, free),
            ExtendLeaf e => Value(_definitions[e.Definition], free),
            _ => throw new InvalidOperationException(),
        };
        return node.Negate ? !value : value;
    }

    private bool Combine(Criteria criteria, Func<int, bool> free)
    {
        var trues = criteria.Children.Count(c => Value(c, free));
        return criteria.Operator switch
        {
            "AND" => trues == criteria.Children.Length,
            "OR" => trues > 0,
            "ONE" => trues == 1,
            _ => trues % 2 == 1,
        };
    }

    /// <summary>OVAL's result on the synthetic root (Debian 12.15, every present package between 0:0.1 and epoch 99).</summary>
    private bool TestValue(int t, Func<int, bool> free)
    {
        var test = _tests[t];
        if (test.Text)
        {
            return test.Package == "^12\\.";
        }

        if (IsFree(t))
        {
            return free(t);
        }

        if (!_present.Contains(test.Package))
        {
            return test.Existence is "none_exist" or "any_exist";
        }

        // One item exists: every existence check but none_exist passes; then the state decides (1 vulnerable, 2 fixed).
        return test.Existence != "none_exist" && test.State != 2;
    }

    private abstract record Node(bool Negate);

    private sealed record Criteria(string Operator, bool Negate, Node[] Children) : Node(Negate);

    private sealed record TestLeaf(int Test, bool Negate) : Node(Negate);

    private sealed record ExtendLeaf(int Definition, bool Negate) : Node(Negate);

    /// <param name="Text">A textfilecontent54 test on /etc/debian_version (then <paramref name="Package"/> is its pattern).</param>
    /// <param name="Package">The package a dpkginfo test's object names.</param>
    /// <param name="Existence">Its check_existence.</param>
    /// <param name="State">0 none, 1 a state the present versions satisfy, 2 one they do not.</param>
    private sealed record TestSpec(bool Text, string Package, string Existence, int State);
}
