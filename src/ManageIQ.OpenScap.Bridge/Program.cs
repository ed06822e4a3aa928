using ManageIQ.OpenScap.Bridge.CommandLine;

return await BridgeCommandLine.Create().Parse(args).InvokeAsync();
