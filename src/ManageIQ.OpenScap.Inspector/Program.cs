using ManageIQ.OpenScap.Inspector.CommandLine;

return await InspectorCommandLine.Create().Parse(args).InvokeAsync();
