using Newtonsoft.Json.Linq;

namespace ManageIQ.OpenScap.ManageIq.Emulator.Handlers;

/// <summary>Creates the MiqTask rows that queued operations answer with.</summary>
internal static class TaskFactory
{
    public static long Create(Http.ApiContext context, string name)
    {
        var now = context.Store.Now();
        var row = context.Store.Tasks.Add(new JObject
        {
            ["name"] = name,
            ["state"] = "Queued",
            ["status"] = "Ok",
            ["message"] = "Task accepted",
            ["userid"] = context.User?.UserId,
            ["created_on"] = now,
            ["updated_on"] = now,
            ["pct_complete"] = 0,
            ["context_data"] = null,
            ["results"] = null,
            ["miq_server_id"] = 1,
            ["identifier"] = null,
            ["started_on"] = null,
            ["zone"] = "default",
        });
        return row.Value<long>("id");
    }
}
