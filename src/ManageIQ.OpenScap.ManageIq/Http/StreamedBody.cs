namespace ManageIQ.OpenScap.ManageIq.Http;

/// <summary>
/// A successful JSON answer read straight from the response stream: the model, or null for an empty body,
/// or the error naming why the JSON could not be read.
/// </summary>
internal sealed record StreamedBody(object? Value, Exception? Failure);
