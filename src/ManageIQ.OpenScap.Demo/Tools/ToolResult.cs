namespace ManageIQ.OpenScap.Demo.Tools;

/// <summary>How a program ended: its exit code and the (bounded) text it wrote.</summary>
public sealed record ToolResult(int ExitCode, string StandardOutput, string StandardError);
