namespace ManageIQ.OpenScap.ManageIq.Http;

/// <summary>One page of a collection GET: the counts, the members and the paging links.</summary>
internal sealed class CollectionPage<T>
{
    public int? Count { get; set; }

    public int? Subcount { get; set; }

    public int? SubqueryCount { get; set; }

    public List<T>? Resources { get; set; }

    public CollectionPageLinks? Links { get; set; }
}
