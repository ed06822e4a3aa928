using ManageIQ.OpenScap.ManageIq.Emulator.Http;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Rendering;

/// <summary>
/// The meaning of <c>attributes=</c> (fact 29): physical names only, or physical and virtual, give exactly
/// those keys plus <c>href</c>/<c>id</c> and no actions; virtual names only add to the full object.
/// </summary>
internal sealed record AttributeSelection(IReadOnlyList<string> Physical, IReadOnlyList<string> Virtual, bool OnlySelected, bool WantsActions)
{
    public static AttributeSelection Full { get; } = new([], [], false, true);

    public static AttributeSelection Parse(ApiContext context, CollectionDefinition definition, IReadOnlyCollection<string> columns)
    {
        var raw = context.QueryValue("attributes");
        if (string.IsNullOrWhiteSpace(raw))
        {
            return Full;
        }

        var names = raw.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
        var wantsActionsByName = names.Remove("actions");
        var physical = names.Where(n => n is "id" or "href" || columns.Contains(n)).ToList();
        var virtuals = names.Where(n => definition.Virtuals.ContainsKey(n)).ToList();
        var invalid = names.Except(physical).Except(virtuals).ToList();
        if (invalid.Count > 0)
        {
            throw ApiException.BadRequest($"Invalid attributes specified: {string.Join(",", invalid)}");
        }

        var onlySelected = physical.Count > 0;
        return new AttributeSelection(physical, virtuals, onlySelected, !onlySelected || wantsActionsByName);
    }
}
