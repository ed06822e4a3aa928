namespace ManageIQ.OpenScap.Oval;

/// <summary>
/// The ids the slimmed feed keeps: every definition not definitely false, every definition a kept one extends, and
/// every test, object, state and variable reachable from them through their references; when none could be true,
/// the first definition, so the feed is never empty.
/// </summary>
internal sealed class FeedSelection
{
    private FeedSelection(HashSet<string> kept, int keptDefinitions)
    {
        Kept = kept;
        KeptDefinitions = keptDefinitions;
    }

    public HashSet<string> Kept { get; }

    public int KeptDefinitions { get; }

    public static FeedSelection Select(FeedIndex index, DefinitionEvaluator evaluator)
    {
        var kept = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        foreach (var id in index.Definitions.Keys)
        {
            if (evaluator.Definition(id) != OvalTruth.False)
            {
                pending.Push(id);
            }
        }

        if (pending.Count == 0 && index.Definitions.Count > 0)
        {
            // With no definition at all, oscap reports a multi-check rule such as security_patches_up_to_date as
            // unknown instead of passed: one definition, false on this image, keeps its meaning.
            pending.Push(index.Definitions.Keys.First());
        }

        var keptDefinitions = 0;
        while (pending.TryPop(out var id))
        {
            if (!kept.Add(id))
            {
                continue;
            }

            if (index.Definitions.TryGetValue(id, out var criteria))
            {
                keptDefinitions++;
                if (criteria is not null)
                {
                    AddNodeReferences(criteria, pending);
                }
            }
            else if (index.References.TryGetValue(id, out var references))
            {
                foreach (var reference in references)
                {
                    pending.Push(reference);
                }
            }
        }

        return new FeedSelection(kept, keptDefinitions);
    }

    private static void AddNodeReferences(CriteriaNode node, Stack<string> pending)
    {
        if (node.Reference is not null)
        {
            pending.Push(node.Reference);
        }

        foreach (var child in node.Children)
        {
            AddNodeReferences(child, pending);
        }
    }
}
