using ManageIQ.OpenScap.ManageIq.Emulator.Http;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Handlers;

/// <summary>Task deletion (fact 66).</summary>
internal static class TasksHandler
{
    public static ApiResult Delete(ApiContext context, string id)
    {
        context.Require("miq_task_delete", "Use of the delete action is forbidden");
        context.Store.Tasks.Remove(ReadHandler.Find(context, Collections.Tasks, id).Value<long>("id"));
        return ApiResult.NoContent();
    }

    public static ApiResult PostResource(ApiContext context, string id)
    {
        var action = Envelope.Action(context);
        if (action != "delete")
        {
            throw ApiException.BadRequest($"Unsupported Action {action} for the tasks resource specified");
        }

        context.Require("miq_task_delete", "Use of Action delete is forbidden");
        var task = ReadHandler.Find(context, Collections.Tasks, id);
        var taskId = task.Value<long>("id");
        context.Store.Tasks.Remove(taskId);
        return Envelope.Single(Envelope.Result(true, $"Deleting Task id: {taskId} name: '{task.Value<string>("name")}'", context.Href("tasks", taskId)));
    }
}
