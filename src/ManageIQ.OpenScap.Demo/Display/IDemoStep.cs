namespace ManageIQ.OpenScap.Demo.Display;

/// <summary>One step of the demo on the terminal: it shows what it does while it runs, then how it ended.</summary>
public interface IDemoStep
{
    void Update(string detail);

    void Done(string summary);

    void Fail(string message);
}
