namespace ManageIQ.OpenScap.ManageIq.Http;

/// <summary>The <c>links</c> of a page; only <c>next</c> matters to the client.</summary>
internal sealed class CollectionPageLinks
{
    public Uri? Next { get; set; }
}
