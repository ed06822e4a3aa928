namespace ManageIQ.OpenScap.ManageIq.Http;

/// <summary>The counts at the head of a collection page (<c>count</c>, <c>subcount</c>, <c>subquery_count</c>), read before its resources.</summary>
internal readonly record struct PageCounts(int? Count, int? Subcount, int? SubqueryCount)
{
    /// <summary>
    /// The offset of the page after this one at <paramref name="offset"/>, by ManageIQ's own rule for
    /// <c>links.next</c> (offset + page size below the total, the total being <c>subquery_count</c> when
    /// filtered, else <c>count</c>); null when this is the last page or the counts do not say.
    /// </summary>
    public int? NextOffset(int offset)
    {
        var total = SubqueryCount ?? Count;
        return Subcount is > 0 and var size && total is { } all && offset + size < all ? offset + size : null;
    }
}
