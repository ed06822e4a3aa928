namespace ManageIQ.OpenScap.Oval;

/// <summary>
/// Evaluates every definition of a <see cref="FeedIndex"/> in three-valued logic against the image's packages: a
/// package test on a package the image lacks is decided by <see cref="CriteriaLogic.MissingPackage"/>, every other
/// test is unknown.
/// </summary>
internal sealed class DefinitionEvaluator(FeedIndex index, ImagePackages packages, int maxDepth)
{
    private readonly Dictionary<string, OvalTruth> _definitions = new(StringComparer.Ordinal);
    private readonly HashSet<string> _visiting = new(StringComparer.Ordinal);

    public OvalTruth Definition(string id) => Definition(id, 0);

    public OvalTruth Test(string? id)
    {
        if (id is null || !index.PackageTests.TryGetValue(id, out var test)
            || !index.PackageObjects.TryGetValue(test.ObjectId, out var obj) || obj.Database != test.Database || obj.Name is null)
        {
            return OvalTruth.Unknown;
        }

        // A package the image has: its version, architecture or signature decide, which only oscap reads.
        return packages.MayHave(test.Database, obj.Name) is false ? CriteriaLogic.MissingPackage(test.CheckExistence, test.HasState) : OvalTruth.Unknown;
    }

    private OvalTruth Definition(string id, int depth)
    {
        if (_definitions.TryGetValue(id, out var known))
        {
            return known;
        }

        if (!index.Definitions.TryGetValue(id, out var criteria) || criteria is null || depth > maxDepth || !_visiting.Add(id))
        {
            // Missing, without criteria, too deep or a cycle through extend_definition: oscap decides (or errs).
            return OvalTruth.Unknown;
        }

        var result = Node(criteria, depth);
        _visiting.Remove(id);
        _definitions[id] = result;
        return result;
    }

    private OvalTruth Node(CriteriaNode node, int depth)
    {
        var value = node.Kind switch
        {
            CriteriaNodeKind.Criterion => Test(node.Reference),
            CriteriaNodeKind.ExtendDefinition => node.Reference is null ? OvalTruth.Unknown : Definition(node.Reference, depth + 1),
            _ => Criteria(node, depth),
        };
        return node.Negate ? CriteriaLogic.Negate(value) : value;
    }

    private OvalTruth Criteria(CriteriaNode node, int depth)
    {
        if (node.Operator is not { } op)
        {
            return OvalTruth.Unknown;
        }

        int trues = 0, falses = 0, unknowns = 0;
        foreach (var child in node.Children)
        {
            switch (Node(child, depth))
            {
                case OvalTruth.True:
                    trues++;
                    break;
                case OvalTruth.False:
                    falses++;
                    break;
                default:
                    unknowns++;
                    break;
            }
        }

        return CriteriaLogic.Combine(op, trues, falses, unknowns);
    }
}
