namespace ManageIQ.OpenScap.Demo.Display;

/// <summary>Progress text shown on a step as it comes (not posted to another thread as <see cref="Progress{T}"/> does).</summary>
public sealed class StepProgress(IDemoStep step) : IProgress<string>
{
    public void Report(string value) => step.Update(value);
}
