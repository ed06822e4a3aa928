using ManageIQ.OpenScap.ManageIq.Emulator.Compliance;
using ManageIQ.OpenScap.ManageIq.Emulator.Http;
using ManageIQ.OpenScap.ManageIq.Emulator.Store;
using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Handlers;

/// <summary>
/// <c>scan</c> and <c>check_compliance</c> (facts 43-47). Both are recorded in the store so tests can see them;
/// the emulator does not run ManageIQ's own scanning job, but evaluates a compliance check at once (<see cref="ImageComplianceCheck"/>).
/// </summary>
internal static class ContainerImagesHandler
{
    private static readonly CollectionDefinition Definition = Collections.ContainerImages;

    public static ApiResult PostCollection(ApiContext context)
    {
        var action = Envelope.Action(context);
        if (action != "check_compliance")
        {
            throw ApiException.BadRequest($"Unsupported Action {action} for the container_images collection specified");
        }

        context.Require("container_image_check_compliance", "Use of Action check_compliance is forbidden");
        var results = Envelope.Resources(context).Select(resource =>
        {
            var id = Envelope.TargetId(resource, Definition.Name);
            var href = id is null ? null : context.Href(Definition.Name, id.Value);
            var image = id is null ? null : context.Store.ContainerImages.Find(id.Value);
            return image is null
                ? Envelope.Result(false, $"Couldn't find ContainerImage with 'id'={id}", href)
                : CheckCompliance(context, image, throwWhenUnassigned: false);
        });
        return Envelope.Results(context, [.. results]);
    }

    public static ApiResult PostResource(ApiContext context, string id)
    {
        var action = Envelope.Action(context);
        switch (action)
        {
            case "scan":
                context.Require("container_image_scan", "Use of Action scan is forbidden");
                return Envelope.Single(Scan(context, ReadHandler.Find(context, Definition, id)));
            case "check_compliance":
                context.Require("container_image_check_compliance", "Use of Action check_compliance is forbidden");
                return Envelope.Single(CheckCompliance(context, ReadHandler.Find(context, Definition, id), throwWhenUnassigned: true));
            default:
                throw ApiException.BadRequest($"Unsupported Custom Action {action} for the container_images resource specified");
        }
    }

    private static JObject Scan(ApiContext context, JObject image)
    {
        var id = image.Value<long>("id");
        var name = image.Value<string>("name");
        var href = context.Href(Definition.Name, id);
        if (!context.Store.Events.Rows.Any(e => e.Value<string>("name") == "request_containerimage_scan"))
        {
            return Envelope.Result(false, $"Failed Scanning Container Image id: {id} name: '{name}'", href);
        }

        var task = TaskFactory.Create(context, $"Container Image Analysis: '{name}'");
        context.Store.RecordImageAction(new RecordedImageAction("scan", id, task, context.Store.Time.GetUtcNow()));
        return Envelope.Result(true, $"Scanning Container Image id: {id} name: '{name}'", href, task, context.ApiBase);
    }

    private static JObject CheckCompliance(ApiContext context, JObject image, bool throwWhenUnassigned)
    {
        var id = image.Value<long>("id");
        var prefix = $"Check Compliance for Container Image id: {id} name: '{image.Value<string>("name")}'";
        var href = context.Href(Definition.Name, id);
        if (ImageComplianceCheck.Policies(context.Store, image).Count == 0)
        {
            var message = $"{prefix}: No compliance policies assigned";
            return throwWhenUnassigned ? throw ApiException.BadRequest(message) : Envelope.Result(false, message, href);
        }

        var task = TaskFactory.Create(context, prefix);
        context.Store.RecordImageAction(new RecordedImageAction("check_compliance", id, task, context.Store.Time.GetUtcNow()));
        ImageComplianceCheck.Run(context.Store, image);
        return Envelope.Result(true, prefix, href, task, context.ApiBase);
    }
}
