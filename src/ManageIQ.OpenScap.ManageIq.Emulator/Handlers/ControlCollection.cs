using ManageIQ.OpenScap.ManageIq.Emulator.Http;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Handlers;

/// <summary>
/// The create/edit/delete routes every Control collection shares (<c>BaseController</c>'s action dispatch): the bulk
/// and single forms, the role each action needs, and ManageIQ's "Unsupported Action" answer for any other action.
/// The collection supplies what differs: its model rules in <paramref name="Create"/>, <paramref name="Edit"/> and
/// <paramref name="Remove"/>.
/// </summary>
internal sealed record ControlCollection(
    CollectionDefinition Definition,
    string Feature,
    Func<ApiContext, JObject, JObject> Create,
    Func<ApiContext, JObject, JObject, JObject> Edit,
    Func<ApiContext, JObject, JObject> Remove)
{
    /// <summary><c>POST /api/{collection}</c>: create, edit or delete, each resource in turn.</summary>
    public ApiResult PostCollection(ApiContext context)
    {
        var action = Envelope.Action(context);
        switch (action)
        {
            case "create":
                context.Require(Feature + "_new", "Use of Action create is forbidden");
                return Envelope.Results(context, [.. Envelope.Resources(context).Select(r => Create(context, r))]);
            case "edit":
                context.Require(Feature + "_edit", "Use of Action edit is forbidden");
                return Envelope.Results(context, [.. ControlRows.Targets(context, Definition).Select(t => Edit(context, t.Row, t.Resource))]);
            case "delete":
                context.Require(Feature + "_delete", "Use of Action delete is forbidden");
                return Envelope.Results(context, [.. ControlRows.Targets(context, Definition).Select(t => Remove(context, t.Row))]);
            default:
                throw ApiException.BadRequest($"Unsupported Action {action} for the {Definition.Name} collection specified");
        }
    }

    /// <summary><c>POST /api/{collection}/{id}</c>: edit (answered with the resource) or delete (an action result).</summary>
    public ApiResult PostResource(ApiContext context, string id)
    {
        var action = Envelope.Action(context);
        switch (action)
        {
            case "edit":
                context.Require(Feature + "_edit", "Use of Action edit is forbidden");
                return ApiResult.Ok(Edit(context, ReadHandler.Find(context, Definition, id), Envelope.First(context)));
            case "delete":
                context.Require(Feature + "_delete", "Use of Action delete is forbidden");
                return Envelope.Single(Remove(context, ReadHandler.Find(context, Definition, id)));
            default:
                throw ApiException.BadRequest($"Unsupported Action {action} for the {Definition.Name} resource specified");
        }
    }

    /// <summary><c>DELETE /api/{collection}/{id}</c>: 204.</summary>
    public ApiResult Delete(ApiContext context, string id)
    {
        context.Require(Feature + "_delete", "Use of the delete action is forbidden");
        Remove(context, ReadHandler.Find(context, Definition, id));
        return ApiResult.NoContent();
    }
}
